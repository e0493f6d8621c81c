// For `npm run plan`: what the mocked providers "return" is a readable placeholder for every value
// only the real API can know (ids, generated names, secrets), so a reviewer sees where it is used
// instead of a made-up id. Deterministic: placeholders derive from resource names only.
import type * as pulumi from "@pulumi/pulumi";
import type { MockCloud } from "./mockCloud";
import { SECRET_MARKER_PREFIX } from "./stackFile";

const known = (what: string, of: string) => `<${what} of ${of}>`;
const SECRET_PLACEHOLDER_PREFIX = "<secret ";

const COMPUTED_OUTPUTS: Record<string, string[]> = {
  "okta:app/oAuth:OAuth": ["clientId", "name"],
  "okta:app/autoLogin:AutoLogin": ["name"],
  "pulumi-nodejs:dynamic/scimToken:ScimToken": ["tokenId", "validUntil", "createdAt", "lastUsedAt", "expired"],
};

/** Computed outputs that are secrets: their placeholders are recognisable as secret material. */
const COMPUTED_SECRET_OUTPUTS: Record<string, string[]> = {
  "okta:app/oAuth:OAuth": ["clientSecret"],
  "pulumi-nodejs:dynamic/scimToken:ScimToken": ["token"],
};

export const planCloud: MockCloud = {
  resourceState(args: pulumi.runtime.MockResourceArgs) {
    const state: Record<string, unknown> = { ...(args.inputs as Record<string, unknown>) };
    for (const key of COMPUTED_OUTPUTS[args.type] ?? []) state[key] = known(key, args.name);
    for (const key of COMPUTED_SECRET_OUTPUTS[args.type] ?? []) state[key] = `${SECRET_PLACEHOLDER_PREFIX}${known(key, args.name).slice(1)}`;
    return { id: known("id", args.name), state };
  },
  isSecretLeaf(leaf: unknown) {
    return typeof leaf === "string" && (leaf.includes(SECRET_MARKER_PREFIX) || leaf.includes(SECRET_PLACEHOLDER_PREFIX));
  },
  invoke(args: pulumi.runtime.MockCallArgs) {
    const inputs = args.inputs as Record<string, unknown>;
    switch (args.token) {
      case "okta:group/getGroup:getGroup":
        return { ...inputs, id: known("id", `Okta group "${String(inputs.name)}"`) };
      case "okta:user/getUser:getUser": {
        if (typeof inputs.userId === "string") return { ...inputs, id: inputs.userId, login: known("login", `Okta user ${inputs.userId}`) };
        const [search] = (inputs.searches as { value?: string }[] | undefined) ?? [];
        return { ...inputs, id: known("id", `Okta user "${String(search?.value)}"`), login: String(search?.value) };
      }
      case "okta:user/getUserType:getUserType":
        return { ...inputs, id: known("id", `Okta user type "${String(inputs.name)}"`) };
      default:
        return { ...inputs };
    }
  },
};

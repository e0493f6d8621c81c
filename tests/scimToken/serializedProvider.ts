// The `__provider` text a ScimToken sends to the engine, captured under Pulumi's mocks.
import * as pulumi from "@pulumi/pulumi";
import { ScimToken, type ScimTokenArgs } from "../../components/scimToken/resource";

/** Registers one token under mocks (the calling test file must not have set other mocks) and returns its inputs. */
export async function registeredTokenInputs(args: ScimTokenArgs): Promise<Record<string, unknown>> {
  let inputs: Record<string, unknown> | undefined;
  await pulumi.runtime.setMocks(
    {
      newResource: (a) => {
        inputs = a.inputs;
        return { id: `tok_${a.name}`, state: a.inputs };
      },
      call: (a) => a.inputs,
    },
    "oktaScim",
    "test",
    false,
  );
  const token = new ScimToken("okta-acme-scim-token-g1", args);
  await new Promise((resolve) => token.tokenId.apply(resolve));
  return inputs!;
}

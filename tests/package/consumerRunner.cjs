// Runs the compiled consumer program (bin/index.js) of a temporary project under Pulumi's mocks and
// prints what it declared as one JSON line. Plain JavaScript on purpose: it runs in the temporary
// project with only the packed tarball and the public dependencies installed, nothing from the repo.
// Usage: node consumerRunner.cjs <project dir> good|bad
const path = require("path");
const dir = path.resolve(process.argv[2]);
const mode = process.argv[3];
const load = (m) => require(require.resolve(m, { paths: [dir] }));
const pulumi = load("@pulumi/pulumi");

const registrations = [];
pulumi.runtime.setMocks(
  {
    newResource(args) {
      registrations.push({ type: args.type, name: args.name, provider: args.provider ?? null });
      const state = { ...args.inputs };
      if (args.type === "auth0:index/connection:Connection") state.name = args.inputs.name;
      if (args.type.startsWith("pulumi-nodejs:dynamic")) Object.assign(state, { token: `token-of-${args.name}`, tokenId: `tok_${args.name}`, validUntil: "2027-02-26T00:00:00.000Z" });
      return { id: `${args.name}-id`, state };
    },
    call(args) {
      return { id: "00gmockedgroup00000a" };
    },
  },
  "consumer",
  "dev",
  false,
);
pulumi.runtime.setAllConfig(
  {
    "consumer:auth0Domain": "acme.eu.auth0.com",
    "consumer:auth0ClientId": "7hQeXw2LkP9sVb4NzR6tYc3M",
    "consumer:auth0ClientSecret": "consumer-client-secret-value",
    "consumer:oktaApiToken": "consumer-okta-api-token",
  },
  ["consumer:auth0ClientSecret", "consumer:oktaApiToken"],
);

async function good() {
  let exported;
  const outputs = await pulumi.runtime.runInPulumiStack(async () => {
    exported = require(path.join(dir, "bin", "index.js"));
    return exported;
  });
  const tokenIsSecret = await pulumi.isSecret(exported["acme-workforce-scim-token"]);
  return { registrations, outputs, tokenIsSecret };
}

async function bad() {
  const { OktaAuth0ScimIntegration, IntegrationArgsError } = load("okta-auth0-inbound-scim");
  let error;
  await pulumi.runtime.runInPulumiStack(async () => {
    try {
      new OktaAuth0ScimIntegration("acme", { auth0: { domain: "acme.okta.com", clientId: "x", clientSecret: "s3cr3t-value" }, okta: { orgName: "acme" }, name: "acme", oidcApp: {}, scimApp: { label: "x", url: "http://x" } });
    } catch (e) {
      error = e;
    }
    return {};
  });
  return { registrations, message: String(error && error.message), isArgsError: error instanceof IntegrationArgsError };
}

// Let the stack's own registrations finish (as the repo's harness does), then report.
(mode === "bad" ? bad() : good()).then(
  async (result) => {
    await pulumi.runtime.disconnect();
    process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
    process.exit(0);
  },
  (error) => {
    process.stderr.write(`${error && error.stack}\n`);
    process.exit(1);
  },
);

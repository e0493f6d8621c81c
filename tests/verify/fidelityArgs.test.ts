// The flags of the Okta-shaped writes and the schema capture: parsed, defaulted, refused with exit 2.
import { parseVerifyArgs } from "../../verify/args";
import { runVerify } from "../../verify/cli";

async function run(argv: string[]) {
  let stderr = "";
  const code = await runVerify(argv, { SCIM_TOKEN: "t" }, { stdout: () => undefined, stderr: (t) => (stderr += t) });
  return { code, stderr };
}

test("--scim-app-kind defaults to custom (the stack's SWA app) and accepts catalog", () => {
  expect(parseVerifyArgs(["--stack", "dev"]).scimAppKind).toBe("custom");
  expect(parseVerifyArgs(["--stack", "dev", "--write", "--scim-app-kind", "catalog"]).scimAppKind).toBe("catalog");
  expect(parseVerifyArgs(["--stack", "dev", "--capture-app-schema"]).captureAppSchema).toBe(true);
});

test("an unknown app kind, and --capture-app-schema with --write or --json, are usage errors", async () => {
  expect(await run(["--scim-url", "https://x.example/scim", "--scim-app-kind", "oin"])).toEqual({ code: 2, stderr: 'verify: --scim-app-kind must be custom or catalog, got "oin".\n' });
  expect((await run(["--stack", "dev", "--capture-app-schema", "--write"])).stderr).toContain("--capture-app-schema prints the attribute list only: drop --write and --json.");
  expect((await run(["--stack", "dev", "--capture-app-schema", "--json"])).code).toBe(2);
});

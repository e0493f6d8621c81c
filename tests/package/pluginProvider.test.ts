// The plugin entry point's order: the component is switched to the plugin's own token type before the
// provider it serves exists, so no construct can declare a dynamic token (which cannot start in another
// language's program directory). Loaded in-process, as the launcher loads it, but without serving.
import { pluginProvider, PULUMI_PACKAGE_NAME } from "../../pulumiPlugin";
import { tokenHostingPlugin } from "../../components/scimToken/hosting";

it("switches token hosting to the plugin, at the package's version, before serving construct", () => {
  expect(tokenHostingPlugin()).toBeUndefined();
  const provider = pluginProvider();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const version = (require("../../package.json") as { version: string }).version;
  expect(tokenHostingPlugin()).toEqual({ version });
  expect(provider.version).toBe(version);
  expect(typeof provider.construct).toBe("function");
  expect(PULUMI_PACKAGE_NAME).toBe("oktaScim");
});

it("refuses every custom type but the token, by name", async () => {
  const provider = pluginProvider();
  await expect(provider.create!("urn:pulumi:dev::p::oktaScim:index:Other::x", {})).rejects.toThrow("oktaScim serves no resource of type oktaScim:index:Other");
});

import { routingEnvironment } from "../../sandbox/net/routingEnv";
import { engineEnvironment } from "../engine/engine";

test("routes HTTPS through the proxy in both spellings, keeps loopback direct, trusts the run's CA in Node and Go", () => {
  const env = routingEnvironment({ proxyUrl: "http://127.0.0.1:4000", caFile: "/tmp/ca.pem" });
  expect(env).toMatchObject({ HTTPS_PROXY: "http://127.0.0.1:4000", https_proxy: "http://127.0.0.1:4000", NODE_EXTRA_CA_CERTS: "/tmp/ca.pem", SSL_CERT_FILE: "/tmp/ca.pem" });
  for (const name of ["127.0.0.1", "localhost", "::1"]) {
    expect(env.NO_PROXY.split(",")).toContain(name);
    expect(env.no_proxy.split(",")).toContain(name);
  }
});

test("the engine runs isolated: own backend, home and passphrase, no update check, no plugin download, nothing inherited that points elsewhere", () => {
  const env = engineEnvironment(
    { bin: "/engine/bin", workDir: "/tmp/w", passphrase: "p", extra: { HTTPS_PROXY: "http://127.0.0.1:1" } },
    { HOME: "/home/u", PATH: "/usr/bin", PULUMI_ACCESS_TOKEN: "pul-real", PULUMI_BACKEND_URL: "s3://real" },
  );
  expect(env).toMatchObject({
    HOME: "/home/u",
    PULUMI_BACKEND_URL: "file:///tmp/w/backend",
    PULUMI_HOME: "/tmp/w/pulumi-home",
    PULUMI_CONFIG_PASSPHRASE: "p",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    HTTPS_PROXY: "http://127.0.0.1:1",
  });
  expect(env.PATH!.split(":")[0]).toBe("/engine/bin");
  expect(env.PULUMI_ACCESS_TOKEN).toBeUndefined();
});

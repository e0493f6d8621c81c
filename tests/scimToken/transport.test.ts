// The transport under the SDK: a failed fetch must not leave the SDK's 60-second timer running
// (it would keep the provider process, and jest, alive for a minute).
import { createTokenApi, transportFetch } from "../../components/scimToken/managementClient";
import { classifyFailure } from "../../components/scimToken/apiErrors";
import { CREDENTIALS } from "./testDeps";

const activeTimers = () => process.getActiveResourcesInfo().filter((r) => r === "Timeout").length;
const refusing: typeof fetch = async () => {
  throw Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } });
};

it("turns a refused connection into an answer, so no SDK timer is left behind", async () => {
  const before = activeTimers();
  const api = createTokenApi(CREDENTIALS, { fetch: refusing, timeoutMs: 1000 });
  const error = await api.list("con_x").catch((e: unknown) => e);
  expect(classifyFailure(error)).toMatchObject({ kind: "network", detail: "ECONNREFUSED", duringLogin: true });
  expect(activeTimers()).toBe(before);
});

it("answers 599 with a timeout marker when the base fetch does not answer in time", async () => {
  const never: typeof fetch = (_input, init) =>
    new Promise((_resolve, reject) => init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)));
  const response = await transportFetch(never, 50)("https://x.example/", {});
  expect(response.status).toBe(599);
  expect(await response.json()).toMatchObject({ transport_error: "timeout" });
});

it("passes the caller's own abort through unchanged", async () => {
  const controller = new AbortController();
  controller.abort("caller");
  const aborting: typeof fetch = async (_i, init) => {
    throw init?.signal?.reason;
  };
  await expect(transportFetch(aborting, 1000)("https://x.example/", { signal: controller.signal })).rejects.toBeDefined();
});

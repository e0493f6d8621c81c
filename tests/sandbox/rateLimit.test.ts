// The Auth0 stand-in's Management API rate limit: Auth0's documented token bucket (burst, then the
// sustained refill), its three headers, 429 with Auth0's body once the bucket is empty, and the token
// endpoint and SCIM endpoint left out of it.
import { MANAGEMENT_API_PLANS, TokenBucket } from "../../sandbox/auth0/rateLimit";
import { CLIENT_ID, CLIENT_SECRET, DOMAIN, startHarness, type Harness } from "./standInHarness";

describe("the token bucket", () => {
  test("lets a burst through, then one request per refill interval, with Auth0's headers", () => {
    let now = Date.parse("2026-12-06T12:00:00.000Z");
    const bucket = new TokenBucket(MANAGEMENT_API_PLANS["essentials-professional"], () => now);
    const burst = Array.from({ length: 10 }, () => bucket.take());
    expect(burst.every((v) => v.allowed)).toBe(true);
    expect(burst.map((v) => v.headers["x-ratelimit-remaining"])).toEqual(["9", "8", "7", "6", "5", "4", "3", "2", "1", "0"]);
    const refused = bucket.take();
    expect(refused.allowed).toBe(false);
    expect(refused.headers["x-ratelimit-limit"]).toBe("10");
    // 150/minute: one request every 0.4 s, so the next fits at 12:00:00.4, announced as 12:00:01.
    expect(refused.headers["x-ratelimit-reset"]).toBe(String(Date.parse("2026-12-06T12:00:01Z") / 1000));
    now += 399;
    expect(bucket.take().allowed).toBe(false);
    now += 1;
    expect(bucket.take().allowed).toBe(true);
    // A minute idle refills the bucket to its size, never beyond.
    now += 60_000;
    expect(Array.from({ length: 11 }, () => bucket.take().allowed).filter(Boolean)).toHaveLength(10);
  });

  test("the plans carry the documented figures", () => {
    expect(MANAGEMENT_API_PLANS.free).toMatchObject({ burst: 2, refillPerSecond: 2 });
    expect(MANAGEMENT_API_PLANS["enterprise-production"]).toMatchObject({ burst: 50, refillPerSecond: 16 });
    expect(MANAGEMENT_API_PLANS["essentials-professional"].refillPerSecond * 60).toBe(150);
  });
});

describe("the stand-in with the free plan's limit", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ rateLimit: "free" });
  });
  afterAll(() => h.close());

  const login = () =>
    h.fetch(`https://${DOMAIN}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ grant_type: "client_credentials", client_id: CLIENT_ID, client_secret: CLIENT_SECRET, audience: `https://${DOMAIN}/api/v2/` }),
    });

  test("the third request at once gets 429 with x-ratelimit headers; the token endpoint is not limited", async () => {
    const { access_token: token } = (await (await login()).json()) as { access_token: string };
    const replies = [];
    for (let i = 0; i < 3; i++) replies.push(await h.fetch(`https://${DOMAIN}/api/v2/connections`, { headers: { authorization: `Bearer ${token}` } }));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 429]);
    expect(replies[0].headers.get("x-ratelimit-limit")).toBe("2");
    expect(await replies[2].json()).toMatchObject({ statusCode: 429, error: "Too Many Requests" });
    expect(replies[2].headers.get("x-ratelimit-remaining")).toBe("0");
    expect(Number(replies[2].headers.get("x-ratelimit-reset"))).toBeGreaterThanOrEqual(Math.floor(Date.now() / 1000));
    // The Authentication API's token endpoint is another bucket (not modelled): it still answers.
    expect((await login()).status).toBe(200);
    expect(h.log.since().filter((e) => e.status === 429)).toHaveLength(1);
  });
});

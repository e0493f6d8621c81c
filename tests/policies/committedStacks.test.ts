// Every committed stack passes every policy of the pack with zero violations, with its committed
// policy-pack config (policies/config/<stack>.json), and every policy actually ran on it.
import { policies } from "../../policies/policies";
import { COMMITTED_STACKS, evaluate, recordRun } from "./scenario";
import { toPolicyInputs } from "./policyArgs";

describe.each(COMMITTED_STACKS)("committed stack %s", (stack) => {
  it("passes every policy with zero violations", async () => {
    const result = await evaluate({ stack });
    expect(result.diagnostics).toEqual([]);
  });

  it("gives every resource policy something to check (the types it targets are registered)", async () => {
    const inputs = toPolicyInputs(await recordRun({ stack }), stack);
    const types = new Set(inputs.resources.map((r) => r.type));
    for (const t of ["auth0:index/connection:Connection", "auth0:index/connectionScimConfiguration:ConnectionScimConfiguration", "okta:app/oAuth:OAuth", "okta:app/autoLogin:AutoLogin"]) {
      expect(types).toContain(t);
    }
    expect(policies).toHaveLength(14);
  });
});

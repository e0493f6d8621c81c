import { parseStackConfig } from "../../config/load";
import { benchRawConfig, benchStackValues, ISSUE_SHAPE } from "../../scripts/bench/benchConfig";

describe("benchmark config generator", () => {
  it("produces config the project's validation accepts, with the issue's shape", () => {
    const parsed = parseStackConfig(benchRawConfig({ connections: 3, ...ISSUE_SHAPE }));
    if ("problems" in parsed) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.config.connections).toHaveLength(3);
    expect(parsed.config.oktaOrgs).toHaveLength(3);
    for (const c of parsed.config.connections) {
      expect(c.groups).toHaveLength(20);
      expect(c.groups.filter((g) => "id" in g)).toHaveLength(10);
      expect(c.customAttributes).toHaveLength(10);
      expect(c.scim.additionalMappings).toHaveLength(5);
      expect(c.consoleStepsDone).toBe(true);
    }
  });

  it("stays valid with 200 groups", () => {
    const parsed = parseStackConfig(benchRawConfig({ connections: 2, ...ISSUE_SHAPE, groups: 200 }));
    expect("problems" in parsed ? parsed.problems : []).toEqual([]);
  });

  it("marks the keys holding credentials secret (else validation refuses them)", () => {
    const { secretKeys } = benchStackValues({ connections: 1, ...ISSUE_SHAPE });
    const raw = benchRawConfig({ connections: 1, ...ISSUE_SHAPE });
    expect(secretKeys.sort()).toEqual(["oktaScim:auth0", "oktaScim:oktaOrgs"]);
    const plain = parseStackConfig({ values: raw.values, secretKeys: new Set() });
    expect("problems" in plain).toBe(true);
  });
});

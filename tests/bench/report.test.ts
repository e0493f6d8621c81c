import { finalLine, formatNumber, median, resourcesPerConnection } from "../../scripts/bench/report";
import { estimateApiCalls } from "../../scripts/bench/apiCalls";
import type { RecordedResource } from "../../scripts/bench/recording";

describe("benchmark report", () => {
  it("prints the final line in the exact format the issue asks for", () => {
    expect(finalLine({ componentVsRaw: 1.0834, scale10To100: 9.5, resourcesPerConnection: 21, groups20To200ResourcesDelta: 0 })).toBe(
      "bench: component_vs_raw=1.08 scale_10_to_100=9.50 resources_per_connection=21 groups_20_to_200_resources_delta=0",
    );
  });

  it("takes medians of odd and even counts", () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(() => median([])).toThrow();
  });

  it("formats integers without decimals", () => {
    expect(formatNumber(3)).toBe("3");
    expect(formatNumber(1 / 3)).toBe("0.33");
  });

  it("counts the resources one more connection adds, without the shared ones", () => {
    expect(resourcesPerConnection({ connections: 10, resources: 211 }, { connections: 100, resources: 2101 })).toBe(21);
  });

  it("charges group assignments one call per group on create and one page on refresh", () => {
    const resource = (groups: number): RecordedResource => ({
      type: "okta:index/appGroupAssignments:AppGroupAssignments",
      name: `a${groups}`,
      inputs: { appId: "0oa1", groups: Array.from({ length: groups }, (_, i) => ({ id: `g${i}` })) },
      redactedInputs: {},
      secretInputs: [],
      custom: true,
      protect: false,
      retainOnDelete: false,
      urn: `urn:pulumi:bench::oktaScim::okta:index/appGroupAssignments:AppGroupAssignments::a${groups}`,
      aliases: [],
      dependsOn: [],
      propertyDependencies: {},
      declaredProperties: [],
    });
    expect(estimateApiCalls([resource(20)], [])).toMatchObject({ create: { okta: 21 }, refresh: { okta: 1 } });
    expect(estimateApiCalls([resource(201)], [])).toMatchObject({ create: { okta: 203 }, refresh: { okta: 2 } });
    expect(estimateApiCalls([{ ...resource(1), type: "okta:index/unknown:Unknown" }], []).unknownTypes).toEqual(["okta:index/unknown:Unknown"]);
  });
});

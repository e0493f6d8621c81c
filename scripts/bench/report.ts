// Pure parts of the benchmark report: medians, ratios and the final line.

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Integers as they are, other numbers with two decimals. */
export function formatNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

export interface FinalLineValues {
  componentVsRaw: number;
  scale10To100: number;
  resourcesPerConnection: number;
  groups20To200ResourcesDelta: number;
}

export function finalLine(v: FinalLineValues): string {
  return (
    `bench: component_vs_raw=${formatNumber(v.componentVsRaw)} scale_10_to_100=${formatNumber(v.scale10To100)} ` +
    `resources_per_connection=${formatNumber(v.resourcesPerConnection)} groups_20_to_200_resources_delta=${formatNumber(v.groups20To200ResourcesDelta)}`
  );
}

/** Resources one more connection adds: the slope between two sizes (the shared Auth0 provider drops out). */
export function resourcesPerConnection(small: { connections: number; resources: number }, large: { connections: number; resources: number }): number {
  return (large.resources - small.resources) / (large.connections - small.connections);
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

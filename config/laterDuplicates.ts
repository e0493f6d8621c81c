// Shared by the config rule files: which list entries repeat an earlier one.

/** Indexes of the entries whose key was already seen earlier in the list. */
export function laterDuplicates<T>(items: readonly T[], keyOf: (item: T) => string): { index: number; firstIndex: number }[] {
  const first = new Map<string, number>();
  const out: { index: number; firstIndex: number }[] = [];
  items.forEach((item, index) => {
    const k = keyOf(item);
    const seen = first.get(k);
    if (seen === undefined) first.set(k, index);
    else out.push({ index, firstIndex: seen });
  });
  return out;
}

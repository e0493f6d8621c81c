// JSON for people: keys sorted at every level (the text depends on content only), and any array or
// object that fits on one line written on one line. A reviewer then reads one line per grant type,
// group or mapping instead of five.

const LINE_WIDTH = 120;

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v !== null && typeof v === "object") {
    return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]));
  }
  return v;
}

function oneLine(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(oneLine).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    return `{ ${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`).join(", ")} }`.replace("{  }", "{}");
  }
  return JSON.stringify(v);
}

function render(v: unknown, indent: string, prefixLength: number): string {
  const flat = oneLine(v);
  if (v === null || typeof v !== "object" || indent.length + prefixLength + flat.length <= LINE_WIDTH) return flat;
  const inner = `${indent}  `;
  if (Array.isArray(v) && v.every((x) => x === null || typeof x !== "object")) {
    // A long list of names: as many per line as fit, not one per line.
    const rows: string[] = [];
    for (const item of v.map((x) => JSON.stringify(x))) {
      const last = rows.length - 1;
      if (last >= 0 && inner.length + rows[last].length + 2 + item.length <= LINE_WIDTH) rows[last] += `, ${item}`;
      else rows.push(item);
    }
    return `[\n${rows.map((r) => `${inner}${r}`).join(",\n")}\n${indent}]`;
  }
  if (Array.isArray(v)) return `[\n${v.map((x) => `${inner}${render(x, inner, 0)}`).join(",\n")}\n${indent}]`;
  const entries = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${inner}${JSON.stringify(k)}: ${render(x, inner, k.length + 4)}`);
  return `{\n${entries.join(",\n")}\n${indent}}`;
}

/** Keys sorted, all on one line: for a list entry quoted inside a sentence. */
export function oneLineJson(value: unknown): string {
  return oneLine(sortKeys(value));
}

export function compactJson(value: unknown): string {
  return render(sortKeys(value), "", 0);
}

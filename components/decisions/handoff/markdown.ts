// The few Markdown forms the hand-off pages use. Exact values always go in code blocks so an admin
// copies them instead of retyping (a callback URL with one wrong character fails only at log-in).

/** A fenced block holding one value per line, to copy as is. */
export function valueBlock(values: readonly string[]): string {
  return ["```text", ...values, "```"].join("\n");
}

/** Inline code; a value with a backtick would break it, and none of ours has one. */
export function code(value: string): string {
  return `\`${value}\``;
}

/** A Markdown link whose text is the URL itself, so a printed page still shows where it goes. */
export function link(url: string): string {
  return `<${url}>`;
}

/** Numbered steps; a step may hold several lines (its continuation lines are indented under it). */
export function numbered(steps: readonly string[]): string {
  const indent = (line: string, j: number) => (j === 0 || line === "" ? line : `   ${line}`);
  return steps.map((s, i) => `${i + 1}. ${s.split("\n").map(indent).join("\n")}`).join("\n");
}

/** Joins a page's blocks with one blank line and ends it with a newline. */
export function page(blocks: readonly (string | undefined | false)[]): string {
  return `${blocks.filter((b): b is string => typeof b === "string" && b.length > 0).join("\n\n")}\n`;
}

// Figures a script measures are written by that script into a Markdown page, between two marker
// comments, so a person never copies a number by hand and a re-run replaces the old figures.

/** `document` with the text between `start` and `end` replaced by `body`; appended at the end when the markers are missing. */
export function replaceMarkedBlock(document: string, start: string, end: string, body: string): string {
  const block = `${start}\n${body}\n${end}`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from >= 0 && to > from) return document.slice(0, from) + block + document.slice(to + end.length);
  return `${document.replace(/\n*$/, "\n\n")}${block}\n`;
}

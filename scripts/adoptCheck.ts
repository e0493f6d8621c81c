// `pulumi preview --json | npm run -s adopt:check`: exits 0 when an adoption's preview holds only
// imports and new SCIM tokens, 1 (listing each update, replace or delete with the differing
// properties) otherwise. For the adoption pull request (docs/adopting-an-existing-setup.md).
import { adoptionPreview, renderAdoptionVerdict, type PreviewStep } from "../offline/adoptionPreview";

export function checkPreviewJson(text: string): { code: number; out: string } {
  let steps: PreviewStep[];
  try {
    steps = ((JSON.parse(text) as { steps?: PreviewStep[] }).steps ?? []) as PreviewStep[];
  } catch {
    return { code: 2, out: "adopt:check: stdin is not the JSON of `pulumi preview --json`" };
  }
  const verdict = renderAdoptionVerdict(adoptionPreview(steps));
  return { code: verdict.ok ? 0 : 1, out: verdict.text };
}

if (require.main === module) {
  const chunks: Buffer[] = [];
  process.stdin.on("data", (c: Buffer) => chunks.push(c));
  process.stdin.on("end", () => {
    const { code, out } = checkPreviewJson(Buffer.concat(chunks).toString("utf8"));
    process.stdout.write(`${out}\n`);
    process.exitCode = code;
  });
}

// Entry point for `npm run verify`. Exits explicitly: an SDK may hold a timer for a while after a failed
// request, and the report is already printed.
import { runVerify } from "./cli";

runVerify(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code;
  // Let stdout drain before leaving (a pipe may be slower than we are).
  process.stdout.write("", () => process.exit(code));
});

// Entry point for `npm run sso-ticket`. Exits explicitly: the SDK may hold a timer after a failure.
import { runSsoTicket } from "./cli";

runSsoTicket(process.argv.slice(2), process.env, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
}).then((code) => process.stdout.write("", () => process.exit(code)));

// The verify docs stay true: every check the code can report has a row in docs/verify.md and a fix.
import * as fs from "node:fs";
import * as path from "node:path";
import { AUTH0_CHECKS } from "../../verify/checks/auth0";
import { OKTA_CHECKS } from "../../verify/checks/okta";
import { SCIM_CHECKS } from "../../verify/checks/scim";
import { GROUP_CHECKS } from "../../verify/checks/scimGroups";
import { FIXES } from "../../verify/fixes";

const docs = fs.readFileSync(path.resolve(__dirname, "../../docs/verify.md"), "utf8");
const section = docs.slice(docs.indexOf("## The checks"), docs.indexOf("## `--capture-app-schema`"));
const allChecks = [...Object.values(SCIM_CHECKS), ...Object.values(GROUP_CHECKS), ...Object.values(AUTH0_CHECKS), ...Object.values(OKTA_CHECKS)];

test("every check has a row in docs/verify.md and a fix in the report", () => {
  const rows = [...section.matchAll(/^\| `([a-z0-9.-]+)`/gm)].map((m) => m[1]);
  expect(rows.sort()).toEqual([...allChecks].sort());
  expect(Object.keys(FIXES).sort()).toEqual([...allChecks].sort());
});

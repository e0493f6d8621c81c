// The steps of a sandbox run, in order. Each step lives in ./steps/<topic>.ts; a new scenario adds its
// file and one entry here. A step with `always` runs even after an earlier step failed (clean-up).
import type { Step } from "./context";
import { adoptStep } from "./steps/adopt";
import { catalogMoveStep } from "./steps/catalogMove";
import { configEditStep } from "./steps/configEdit";
import { decommissionStepOne, decommissionStepTwo, deleteWithTokensOrder, protectedRemovalRefused } from "./steps/decommission";
import { firstUp, noChangePreview, noChangeRefresh } from "./steps/firstDeployment";
import { previewWithPolicies } from "./steps/policyPack";
import { groupLookupsStep } from "./steps/groupLookups";
import { groupPushStep } from "./steps/groupPush";
import { noPlainSecretStep } from "./steps/noPlainSecret";
import { phaseRollbackStep } from "./steps/phaseRollback";
import { renamesStep } from "./steps/renames";
import { teardownStep } from "./steps/teardown";
import { tokenCodeStep } from "./steps/tokenCode";
import { tokenGoneStep } from "./steps/tokenGone";
import { verifyStep } from "./steps/verify";
import { customersCompleteStep } from "./steps/scale";

export const SANDBOX_STEPS: readonly Step[] = [
  { name: "preview with the policy pack", run: previewWithPolicies },
  { name: "up", run: firstUp },
  { name: "preview --expect-no-changes", run: noChangePreview },
  { name: "refresh --expect-no-changes", run: noChangeRefresh },
  { name: "config edit (group, token generation, consoleStepsDone) with the expected steps", run: configEditStep },
  { name: "token deleted out of band is gone on refresh", run: tokenGoneStep },
  { name: "no secret in plain text in the exported state", run: noPlainSecretStep },
  { name: "npm run verify -- --write", run: verifyStep },
  { name: "custom → catalog app move: change 1 assigns the catalog app, change 2 deletes the old token before the custom app's assignments; connection and users kept, verify passes", run: catalogMoveStep },
  { name: "group push: a group-scoped token pasted, then two groups pushed to Auth0, verify --groups; removing one keeps its Auth0 group", run: groupPushStep },
  { name: "group lookups: a prefix match is refused, a console-only group shows as a removal in preview --refresh", run: groupLookupsStep },
  { name: "phase rollback: consoleStepsDone false forgets the mapping and attributes, true adopts them again", run: phaseRollbackStep },
  { name: "token provider code changed: one update of __provider per token, no token API call", run: tokenCodeStep },
  { name: "renames: a key change with previousKeys replaces nothing, a displayName change updates the connection", run: renamesStep },
  { name: "removing a protected connection fails at preview, nothing written", run: protectedRemovalRefused },
  { name: "decommission step 1 on the first connection: token deletes + connection update; old token 401, users kept", run: decommissionStepOne },
  { name: "decommission step 2: only that connection's deletes, Okta unassignments before the Auth0 connection DELETE", run: decommissionStepTwo },
  { name: "deletion with tokens (reversal, state unprotect --all, destroy): tokens → Okta assignments → Auth0 connection", run: deleteWithTokensOrder },
  { name: "adopt a hand-made setup (import, no replace, users kept)", run: adoptStep },
  { name: "teardown (decommission: true on every connection, up, destroy)", run: teardownStep, always: true },
];

/** `--customers <n>`: the first deployment of many connections, measured, checked, and torn down. */
export const SCALE_STEPS: readonly Step[] = [
  SANDBOX_STEPS[0],
  SANDBOX_STEPS[1],
  SANDBOX_STEPS[2],
  SANDBOX_STEPS[3],
  { name: "every connection complete, no request to a customer's Okta org, 429s retried", run: customersCompleteStep },
  SANDBOX_STEPS[SANDBOX_STEPS.length - 1],
];

// What only the stack program knows about a connection: the stack name, where the connection sits in
// the stack config (the console checklist names both: `Set oktaScim:connections[0].consoleStepsDone
// …`), and its Okta groups and users, looked up (awaited) before anything is registered
// (./oktaDirectory.ts). Kept out of the public args on purpose (a library user has no config path,
// and the analyzer cannot describe resolved references); the stack program, or `resolveOktaReferences`
// for a TypeScript library user, attaches it to the args object, and the component reads it back.
import type { OktaReferences } from "./oktaDirectory";

export interface ChecklistContext {
  stackName: string;
  /** oktaScim:connections[0] */
  configPath: string;
}

export interface StackContext {
  checklist?: ChecklistContext;
  oktaReferences?: OktaReferences;
}

const contexts = new WeakMap<object, StackContext>();

/** Attaches (merges) context to an args object (returns the same object). */
export function withStackContext<T extends object>(args: T, context: StackContext): T {
  contexts.set(args, { ...contexts.get(args), ...context });
  return args;
}

/** Attaches the stack's checklist context to an args object (returns the same object). */
export function withChecklistContext<T extends object>(args: T, context: ChecklistContext): T {
  return withStackContext(args, { checklist: context });
}

export function checklistContextOf(args: object): ChecklistContext | undefined {
  return contexts.get(args)?.checklist;
}

export function oktaReferencesOf(args: object): OktaReferences | undefined {
  return contexts.get(args)?.oktaReferences;
}

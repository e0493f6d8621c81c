// What only the stack program knows about a connection: the stack name and where the connection sits
// in the stack config. The console checklist names both (`Set oktaScim:connections[0].consoleStepsDone
// …`). Kept out of the public args on purpose (a library user has no config path); the stack program
// attaches it to the args object it builds, and the component reads it back.
export interface ChecklistContext {
  stackName: string;
  /** oktaScim:connections[0] */
  configPath: string;
}

const contexts = new WeakMap<object, ChecklistContext>();

/** Attaches the stack's context to an args object (returns the same object). */
export function withChecklistContext<T extends object>(args: T, context: ChecklistContext): T {
  contexts.set(args, context);
  return args;
}

export function checklistContextOf(args: object): ChecklistContext | undefined {
  return contexts.get(args);
}

// Reading values the engine may not know yet. During `pulumi preview` every output of a resource that
// is still to be created (its id above all) reaches the pack as an "unknown" sentinel, and the policy
// runtime's proxy throws UnknownValueError the moment a policy reads one. A policy that lets that error
// escape is reported as "can't run during preview" and gives no verdict; these helpers let a rule ask
// instead, and decide from what is known then (property dependencies, names, parents).

export type Read<T> = { known: true; value: T } | { known: false };

/**
 * The runtime's UnknownValueError, recognised by shape: the class is internal to @pulumi/policy (its
 * typings hide it) and the pack must not import an internal module path.
 */
function isUnknownValueError(error: unknown): boolean {
  return error instanceof Error && "unknownTypeSentinel" in error && "props" in error;
}

/** Runs `read`; an unknown value (or one nested in what `read` touches) becomes `{known: false}`. */
export function readKnown<T>(read: () => T): Read<T> {
  try {
    return { known: true, value: read() };
  } catch (error) {
    if (isUnknownValueError(error)) return { known: false };
    throw error;
  }
}

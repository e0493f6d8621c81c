// The read-backs (Auth0 Management API, Okta API) raise this so the checks can explain a failure without
// knowing which SDK produced it. `status` is the HTTP status, when there was a response.

export class ReadBackError extends Error {
  constructor(
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/**
 * One sentence for a failed read-back call. `scope` names the permission the call needs, so a 403 says
 * exactly what to grant.
 */
export function describeReadBackError(error: unknown, api: string, scope: string): string {
  if (!(error instanceof ReadBackError)) return `${api}: ${(error as Error)?.message ?? String(error)}`;
  switch (error.status) {
    case 401:
      return `${api}: 401, the credentials are not accepted`;
    case 403:
      return `${api}: 403, missing permission ${scope}`;
    case 404:
      return `${api}: 404, not found (${error.message})`;
    case 429:
      return `${api}: 429, rate limited (retries exhausted)`;
    default:
      return `${api}: ${error.message}`;
  }
}

/** Wraps SDK calls so that whatever an SDK throws reaches the checks as a ReadBackError. */
export function callTranslatingErrors(translate: (error: unknown) => ReadBackError) {
  return async <T>(request: () => Promise<T>): Promise<T> => {
    try {
      return await request();
    } catch (error) {
      throw translate(error);
    }
  };
}

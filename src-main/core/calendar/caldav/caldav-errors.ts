export type CalDavErrorKind = 'unreachable' | 'auth_failed' | 'not_caldav' | 'forbidden' | 'not_found' | 'server_error' | 'timeout';

/**
 * Why talking to the CalDAV server failed, so that the sync engine can tell "retry later"
 * (unreachable, timeout, server_error) from "ask the user" (auth_failed, not_caldav, forbidden).
 * Messages name the URL and status only, never the credentials.
 */
export class CalDavError extends Error {
  constructor(
    readonly kind: CalDavErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CalDavError';
  }
}

/** An HTTP status the caller cannot act on per request: it concerns the whole connection. */
export function errorForStatus(status: number, method: string, url: string): CalDavError | null {
  if (status === 401) return new CalDavError('auth_failed', `${method} ${url}: the server refused the user name or password (401)`, status);
  if (status >= 500) return new CalDavError('server_error', `${method} ${url}: server error ${status}`, status);
  return null;
}

/** What fetch threw: the server cannot be reached, or it did not answer in time. */
export function errorForNetworkFailure(error: unknown, method: string, url: string, timeoutMs: number): CalDavError {
  if (error instanceof CalDavError) return error;
  if (error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
    return new CalDavError('timeout', `${method} ${url}: no answer in ${timeoutMs} ms`);
  }
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : error instanceof Error ? error.message : String(error);
  return new CalDavError('unreachable', `${method} ${url}: cannot reach the server (${cause})`);
}

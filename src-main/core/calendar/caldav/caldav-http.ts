import { getBasicAuthHeaders } from 'tsdav';
import { errorForNetworkFailure, errorForStatus } from './caldav-errors';
import type { CalDavCredentials } from './caldav-types';

export type DavFetch = typeof fetch;

/**
 * The fetch handed to every tsdav call: adds Basic auth, bounds each request by a timeout and turns
 * what concerns the whole connection (network down, timeout, 401, 5xx) into a CalDavError. Other
 * statuses (403, 404, 412…) reach the caller, which knows what they mean for its request.
 */
export function davFetch(credentials: CalDavCredentials, timeoutMs: number): DavFetch {
  const auth = getBasicAuthHeaders({ username: credentials.username, password: credentials.password });
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    for (const [name, value] of Object.entries(auth)) headers.set(name, value);
    let response: Response;
    try {
      response = await fetch(input, { ...init, headers, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      throw errorForNetworkFailure(error, method, url, timeoutMs);
    }
    const failure = errorForStatus(response.status, method, url);
    if (failure) {
      await response.body?.cancel();
      throw failure;
    }
    return response;
  };
}

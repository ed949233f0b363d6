import { createObject, davRequest, deleteObject, propfind, syncCollection, updateObject, type DAVResponse } from 'tsdav';
import { listCalendars } from './calendar-listing';
import { CalDavError, errorForNetworkFailure } from './caldav-errors';
import { davFetch as makeDavFetch, type DavFetch } from './caldav-http';
import type { CalDavConnection, CalDavCredentials, CalDavOptions, RemoteObject, SyncChanges, WriteResult } from './caldav-types';
import { textOf } from './dav-props';
import { discoverAccount } from './discovery';

const defaultTimeoutMs = 30_000;
const defaultChunk = 200;
const calendarContentType = 'text/calendar; charset=utf-8';

/**
 * Runs one tsdav call and gives whatever it throws a CalDavError kind: tsdav reads the body
 * outside our fetch wrapper, so a timeout or a dropped connection can surface here.
 */
async function guarded<T>(method: string, url: string, timeoutMs: number, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw errorForNetworkFailure(error, method, url, timeoutMs);
  }
}

/** A read that concerns one resource failed: 403 and 404 say something about it, anything else that the server is not CalDAV. */
function readFailure(method: string, url: string, status: number): CalDavError {
  if (status === 403) return new CalDavError('forbidden', `${method} ${url}: this user may not read it (403)`, status);
  if (status === 404) return new CalDavError('not_found', `${method} ${url}: no such calendar or object (404)`, status);
  return new CalDavError('not_caldav', `${method} ${url}: unexpected status ${status}`, status);
}

/** The multistatus answered for the whole request failed (a single response without an href). */
function requestStatus(responses: DAVResponse[]): number | null {
  const [first] = responses;
  return responses.length === 1 && first && !first.ok && !first.props ? first.status ?? 0 : null;
}

function pathOf(url: string): string {
  const { pathname } = new URL(url);
  return pathname;
}

function syncTokenOf(responses: DAVResponse[]): string | null {
  const raw = responses[0]?.raw as { multistatus?: { syncToken?: unknown } } | undefined;
  return textOf(raw?.multistatus?.syncToken);
}

class TsdavConnection implements CalDavConnection {
  constructor(
    readonly principalUrl: string,
    readonly homeUrl: string,
    private readonly fetch: DavFetch,
    private readonly options: CalDavOptions,
  ) {}

  private get timeoutMs(): number {
    return this.options.timeoutMs ?? defaultTimeoutMs;
  }

  private absolute(href: string): string {
    return new URL(href, this.homeUrl).href;
  }

  listCalendars() {
    return guarded('PROPFIND', this.homeUrl, this.timeoutMs, () => listCalendars(this, this.options.extraCalendarUrls ?? [], this.fetch));
  }

  async syncChanges(calendarUrl: string, token: string, options: { withData?: boolean } = {}): Promise<SyncChanges | 'token_invalid'> {
    const url = this.absolute(calendarUrl);
    // With the objects' text in the same answer (RFC 6578 allows any property): one request instead of one plus multigets.
    const props = options.withData ? { 'd:getetag': {}, 'c:calendar-data': {} } : { 'd:getetag': {} };
    const responses = await guarded('REPORT', url, this.timeoutMs, () => syncCollection({ url, props, syncLevel: 1, syncToken: token, fetch: this.fetch }));
    const failed = requestStatus(responses);
    if (failed !== null) {
      // RFC 6578 answers a token it no longer knows with 403 valid-sync-token; some servers use 409 or 400.
      if (token !== '' && (failed === 403 || failed === 409 || failed === 400)) return 'token_invalid';
      throw readFailure('REPORT', url, failed);
    }
    const newToken = syncTokenOf(responses);
    if (newToken === null) throw new CalDavError('not_caldav', `REPORT ${url}: the sync-collection answer has no sync-token`);
    const own = pathOf(url);
    const changed: SyncChanges['changed'] = [];
    const deleted: string[] = [];
    for (const response of responses) {
      if (!response.href || response.href === own) continue;
      if (response.status === 404) deleted.push(response.href);
      else if (response.ok) {
        const data = textOf(response.props?.calendarData);
        changed.push({ href: response.href, etag: textOf(response.props?.getetag) ?? '', ...(data !== null ? { data: withFinalLineBreak(data) } : {}) });
      }
    }
    return { changed, deleted, newToken };
  }

  async listEtags(calendarUrl: string): Promise<{ href: string; etag: string }[]> {
    const url = this.absolute(calendarUrl);
    const responses = await guarded('PROPFIND', url, this.timeoutMs, () => propfind({ url, props: { 'd:getetag': {}, 'd:resourcetype': {} }, depth: '1', fetch: this.fetch }));
    const failed = requestStatus(responses);
    if (failed !== null) throw readFailure('PROPFIND', url, failed);
    const own = pathOf(url);
    return responses
      .filter((r) => r.ok && r.href && r.href !== own && !(typeof r.props?.resourcetype === 'object' && r.props.resourcetype !== null && 'collection' in r.props.resourcetype))
      .map((r) => ({ href: r.href as string, etag: textOf(r.props?.getetag) ?? '' }));
  }

  async getCtag(calendarUrl: string): Promise<string | null> {
    const url = this.absolute(calendarUrl);
    const [answer] = await guarded('PROPFIND', url, this.timeoutMs, () => propfind({ url, props: { 'cs:getctag': {} }, depth: '0', fetch: this.fetch }));
    if (!answer?.ok) throw readFailure('PROPFIND', url, answer?.status ?? 0);
    return textOf(answer.props?.getctag);
  }

  async fetchObjects(calendarUrl: string, hrefs: string[]): Promise<{ objects: RemoteObject[]; missing: string[] }> {
    const url = this.absolute(calendarUrl);
    const chunk = this.options.multigetChunk ?? defaultChunk;
    const objects: RemoteObject[] = [];
    const missing: string[] = [];
    for (let start = 0; start < hrefs.length; start += chunk) {
      const wanted = hrefs.slice(start, start + chunk);
      const responses = await guarded('REPORT', url, this.timeoutMs, () => this.multiget(url, wanted));
      const failed = requestStatus(responses);
      if (failed !== null) throw readFailure('REPORT', url, failed);
      const found = new Set<string>();
      for (const response of responses) {
        const data = textOf(response.props?.calendarData);
        if (!response.href || !response.ok || data === null) continue;
        found.add(response.href);
        objects.push({ href: response.href, etag: textOf(response.props?.getetag) ?? '', data: withFinalLineBreak(data) });
      }
      // A server answers a gone href with 404 or leaves it out; either way it is missing.
      missing.push(...wanted.filter((href) => !found.has(href)));
    }
    return { objects, missing };
  }

  /** calendar-multiget through davRequest: tsdav's calendarMultiGet throws away the whole answer when one href is 404. */
  private multiget(url: string, hrefs: string[]): Promise<DAVResponse[]> {
    return davRequest({
      url,
      init: {
        method: 'REPORT',
        headers: { depth: '1' },
        namespace: 'c',
        body: {
          'calendar-multiget': {
            _attributes: { 'xmlns:d': 'DAV:', 'xmlns:c': 'urn:ietf:params:xml:ns:caldav' },
            'd:prop': { 'd:getetag': {}, 'c:calendar-data': {} },
            'd:href': hrefs,
          },
        },
      },
      fetch: this.fetch,
    });
  }

  async fetchOne(href: string): Promise<RemoteObject | null> {
    const url = this.absolute(href);
    const response = await guarded('GET', url, this.timeoutMs, async () => {
      const answer = await this.fetch(url, { method: 'GET' });
      return { status: answer.status, etag: answer.headers.get('etag'), data: await answer.text() };
    });
    if (response.status === 404 || response.status === 410) return null;
    if (response.status < 200 || response.status >= 300) throw readFailure('GET', url, response.status);
    return { href: pathOf(url), etag: response.etag ?? '', data: response.data };
  }

  async create(calendarUrl: string, fileName: string, data: string): Promise<WriteResult> {
    const url = new URL(encodeURIComponent(fileName), this.absolute(calendarUrl.endsWith('/') ? calendarUrl : `${calendarUrl}/`)).href;
    const response = await guarded('PUT', url, this.timeoutMs, () =>
      createObject({ url, data, headers: { 'content-type': calendarContentType, 'if-none-match': '*' }, fetch: this.fetch }),
    );
    return writeResult(response, url);
  }

  async update(href: string, data: string, etag: string): Promise<WriteResult> {
    const url = this.absolute(href);
    const response = await guarded('PUT', url, this.timeoutMs, () => updateObject({ url, data, etag, headers: { 'content-type': calendarContentType }, fetch: this.fetch }));
    return writeResult(response, url);
  }

  async remove(href: string, etag: string): Promise<{ ok: true } | { ok: false; status: number }> {
    const url = this.absolute(href);
    const response = await guarded('DELETE', url, this.timeoutMs, () => deleteObject({ url, etag, fetch: this.fetch }));
    await response.body?.cancel();
    return response.ok || response.status === 404 ? { ok: true } : { ok: false, status: response.status };
  }
}

/** tsdav trims XML text, taking the CRLF that ends an iCalendar object's last line (RFC 5545 §3.1); GET keeps it. */
function withFinalLineBreak(data: string): string {
  return data.endsWith('\n') ? data : `${data}\r\n`;
}

async function writeResult(response: Response, url: string): Promise<WriteResult> {
  await response.body?.cancel();
  if (!response.ok) return { ok: false, status: response.status };
  // Servers may withhold the ETag when they altered the data on the way in; the engine fetches it then.
  return { ok: true, href: pathOf(url), etag: response.headers.get('etag') };
}

/** Discovery from a server URL (/.well-known/caldav, current-user-principal, calendar-home-set), then a connection for this user. */
export async function connectCalDav(credentials: CalDavCredentials, options: CalDavOptions = {}): Promise<CalDavConnection> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const davFetch = makeDavFetch(credentials, timeoutMs);
  const account = await guarded('PROPFIND', credentials.serverUrl, timeoutMs, () => discoverAccount(credentials.serverUrl, davFetch));
  return new TsdavConnection(account.principalUrl, account.homeUrl, davFetch, options);
}

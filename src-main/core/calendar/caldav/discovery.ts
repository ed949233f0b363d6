import { propfind, serviceDiscovery } from 'tsdav';
import { CalDavError } from './caldav-errors';
import type { DavFetch } from './caldav-http';
import { hrefsOf } from './dav-props';

export interface DiscoveredAccount {
  principalUrl: string;
  homeUrl: string;
}

function forbidden(url: string): CalDavError {
  return new CalDavError('forbidden', `PROPFIND ${url}: the server forbids this user to read it (403)`, 403);
}

/** One href property of one resource (PROPFIND depth 0), resolved against the server; null when absent. */
async function hrefProperty(url: string, prop: 'd:current-user-principal' | 'c:calendar-home-set', davFetch: DavFetch): Promise<{ href: string | null; forbidden: boolean }> {
  const responses = await propfind({ url, props: { [prop]: {} }, depth: '0', fetch: davFetch });
  const answer = responses.find((r) => r.ok && r.props) ?? responses[0];
  if (!answer?.ok) return { href: null, forbidden: answer?.status === 403 };
  const href = hrefsOf(prop === 'd:current-user-principal' ? answer.props?.currentUserPrincipal : answer.props?.calendarHomeSet)[0];
  return { href: href ? new URL(href, url).href : null, forbidden: false };
}

/**
 * RFC 6764 / RFC 4791 discovery: /.well-known/caldav (tsdav follows its redirect), then
 * DAV:current-user-principal on what it points to (or on the given URL itself), then the
 * principal's calendar-home-set.
 */
export async function discoverAccount(serverUrl: string, davFetch: DavFetch): Promise<DiscoveredAccount> {
  const rootUrl = await serviceDiscovery({ account: { serverUrl, accountType: 'caldav' }, fetch: davFetch });
  const candidates = [...new Set([rootUrl, new URL(serverUrl).href])];
  // A server may forbid its root yet answer on the URL the user typed (or the other way round).
  let principalUrl: string | null = null;
  let refused = false;
  for (const candidate of candidates) {
    const found = await hrefProperty(candidate, 'd:current-user-principal', davFetch);
    refused ||= found.forbidden;
    principalUrl = found.href;
    if (principalUrl) break;
  }
  if (!principalUrl && refused) throw forbidden(serverUrl);
  if (!principalUrl) throw new CalDavError('not_caldav', `${serverUrl} names no current-user-principal: not a CalDAV server, or the wrong address`);
  const home = await hrefProperty(principalUrl, 'c:calendar-home-set', davFetch);
  if (home.forbidden) throw forbidden(principalUrl);
  const homeUrl = home.href;
  if (!homeUrl) throw new CalDavError('not_caldav', `${principalUrl} has no calendar-home-set: the server offers no calendars to this user`);
  return { principalUrl, homeUrl };
}

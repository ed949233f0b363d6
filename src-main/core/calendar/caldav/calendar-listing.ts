import { propfind, type DAVResponse } from 'tsdav';
import { CalDavError } from './caldav-errors';
import type { DavFetch } from './caldav-http';
import type { RemoteCalendar } from './caldav-types';
import { componentsOf, hrefsOf, isCalendar, isPrincipal, isReadOnly, lastSegment, textOf } from './dav-props';

const calendarProps = {
  'd:resourcetype': {},
  'd:displayname': {},
  'ca:calendar-color': {},
  'c:calendar-description': {},
  'd:current-user-privilege-set': {},
  'c:supported-calendar-component-set': {},
  'd:owner': {},
};

function toRemoteCalendar(response: DAVResponse, base: string): RemoteCalendar {
  const url = new URL(response.href ?? base, base).href;
  const props = response.props;
  const owner = hrefsOf(props?.owner)[0];
  return {
    url,
    displayName: textOf(props?.displayname) ?? lastSegment(url) ?? url,
    color: textOf(props?.calendarColor),
    description: textOf(props?.calendarDescription),
    readOnly: isReadOnly(props),
    components: componentsOf(props),
    ownerUsername: lastSegment(owner ?? new URL('..', url).href),
  };
}

/** The calendars among a collection's members (depth 1) or the collection itself (depth 0); [] when this user may not read it. */
async function calendarsAt(url: string, depth: '0' | '1', davFetch: DavFetch): Promise<RemoteCalendar[]> {
  const responses = await propfind({ url, props: calendarProps, depth, fetch: davFetch });
  return responses.filter((r) => r.ok && isCalendar(r.props)).map((r) => toRemoteCalendar(r, url));
}

/** A principal's calendar-home-set, or the principal itself when it names none. */
async function homeOf(principalUrl: string, davFetch: DavFetch): Promise<string> {
  const [answer] = await propfind({ url: principalUrl, props: { 'c:calendar-home-set': {} }, depth: '0', fetch: davFetch });
  const href = answer?.ok ? hrefsOf(answer.props?.calendarHomeSet)[0] : undefined;
  return href ? new URL(href, principalUrl).href : principalUrl;
}

/**
 * Other users' homes this user may look into: the members of DAV:principal-collection-set that are
 * principals. Radicale lists a principal there only when the rights file grants R on it, and then
 * shows in its home only the calendars this user may read; servers that refuse the listing give none.
 */
async function colleagueHomes(principalUrl: string, ownHome: string, davFetch: DavFetch): Promise<string[]> {
  const [own] = await propfind({ url: principalUrl, props: { 'd:principal-collection-set': {} }, depth: '0', fetch: davFetch });
  const collections = own?.ok ? hrefsOf(own.props?.principalCollectionSet).map((href) => new URL(href, principalUrl).href) : [];
  const principals = new Set<string>();
  for (const collection of collections) {
    const members = await propfind({ url: collection, props: { 'd:resourcetype': {} }, depth: '1', fetch: davFetch });
    for (const member of members) {
      if (!member.ok || !member.href || !isPrincipal(member.props)) continue;
      const url = new URL(member.href, collection).href;
      if (url !== principalUrl) principals.add(url);
    }
  }
  const homes: string[] = [];
  for (const principal of principals) {
    const home = await homeOf(principal, davFetch);
    if (home !== ownHome) homes.push(home);
  }
  return homes;
}

/** Own calendars, then colleagues' readable ones, then the ones added by URL; each URL once. */
export async function listCalendars(
  account: { principalUrl: string; homeUrl: string },
  extraCalendarUrls: string[],
  davFetch: DavFetch,
): Promise<RemoteCalendar[]> {
  const own = await calendarsAt(account.homeUrl, '1', davFetch);
  if (own.length === 0 && !(await readable(account.homeUrl, davFetch))) {
    throw new CalDavError('forbidden', `PROPFIND ${account.homeUrl}: the server forbids this user to list their calendar home`, 403);
  }
  const found = [...own];
  for (const home of await colleagueHomes(account.principalUrl, account.homeUrl, davFetch)) found.push(...(await calendarsAt(home, '1', davFetch)));
  for (const url of extraCalendarUrls) found.push(...(await calendarsAt(url, '0', davFetch)));
  const byUrl = new Map(found.map((calendar) => [calendar.url, calendar]));
  return [...byUrl.values()];
}

async function readable(url: string, davFetch: DavFetch): Promise<boolean> {
  const [answer] = await propfind({ url, props: { 'd:resourcetype': {} }, depth: '0', fetch: davFetch });
  return answer?.ok === true;
}

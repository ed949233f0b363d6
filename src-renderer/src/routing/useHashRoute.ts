import { useCallback, useSyncExternalStore } from 'react';
import { areas, type Area } from './areas';

export interface Route {
  area: Area;
  /** A record opened inside the area, e.g. a contact id. */
  id: string | null;
  /** The record part of a link that could not be read (a broken % escape): the area opens, and says so. */
  unreadableId?: string;
}

/**
 * `#/contacts/ct-0000001` → { area: 'contacts', id: 'ct-0000001' }. Unknown areas fall back to
 * contacts; a record id with a broken escape opens the area's list instead of failing the window.
 */
export function parseRoute(hash: string): Route {
  const [, area, id] = hash.replace(/^#/, '').split('/');
  const known = areas.find((a) => a === area);
  if (!known || !id) return { area: known ?? 'contacts', id: null };
  try {
    return { area: known, id: decodeURIComponent(id) };
  } catch {
    return { area: known, id: null, unreadableId: id.slice(0, 80) };
  }
}

export function routeHash(route: Route): string {
  return `#/${route.area}${route.id ? `/${encodeURIComponent(route.id)}` : ''}`;
}

/** Opens an area (and a record in it) from anywhere: cards link to each other this way. */
export function goTo(route: Route): void {
  window.location.hash = routeHash(route);
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/**
 * The route lives in the URL hash: the browser host's query string (with its token) stays
 * untouched, and Back works as operators expect.
 */
export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  const navigate = useCallback((route: Route) => goTo(route), []);
  return [parseRoute(hash), navigate];
}

/**
 * Reading properties out of tsdav's parsed multistatus (xml-js "compact" form, camelCased names,
 * numeric-looking text turned into numbers): a single child is an object, several are an array.
 */

export type DavProps = Record<string, unknown>;

function asList(value: unknown): unknown[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [value];
}

/** A property's text, whatever form the parser left it in; null when absent or empty. */
export function textOf(value: unknown): string | null {
  if (typeof value === 'string') return value.length > 0 ? value : null;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value && typeof value === 'object') {
    const node = value as { _text?: unknown; _cdata?: unknown };
    if (node._cdata !== undefined) return textOf(node._cdata);
    if (node._text !== undefined) return textOf(node._text);
  }
  return null;
}

/** Every DAV:href inside a property (current-user-principal, calendar-home-set, owner…). */
export function hrefsOf(value: unknown): string[] {
  return asList(value).flatMap((node) => asList((node as { href?: unknown } | null)?.href).map(textOf)).filter((href): href is string => href !== null);
}

export function isCalendar(props: DavProps | undefined): boolean {
  const type = props?.resourcetype;
  return typeof type === 'object' && type !== null && 'calendar' in type;
}

export function isPrincipal(props: DavProps | undefined): boolean {
  const type = props?.resourcetype;
  return typeof type === 'object' && type !== null && 'principal' in type;
}

/** Names of the privileges in DAV:current-user-privilege-set, e.g. ['read', 'write', 'writeContent']. */
export function privilegesOf(props: DavProps | undefined): string[] {
  const set = props?.currentUserPrivilegeSet as { privilege?: unknown } | undefined;
  return asList(set?.privilege).flatMap((privilege) => (privilege && typeof privilege === 'object' ? Object.keys(privilege) : []));
}

/** Writable when the user holds DAV:all, DAV:write or DAV:write-content; a server that omits the set is taken as writable. */
export function isReadOnly(props: DavProps | undefined): boolean {
  if (props?.currentUserPrivilegeSet === undefined) return false;
  const privileges = privilegesOf(props);
  return !privileges.some((p) => p === 'all' || p === 'write' || p === 'writeContent');
}

/** supported-calendar-component-set; RFC 4791 says its absence means every component type. */
export function componentsOf(props: DavProps | undefined): string[] {
  const set = props?.supportedCalendarComponentSet as { comp?: unknown } | undefined;
  const names = asList(set?.comp)
    .map((comp) => (comp as { _attributes?: { name?: unknown } } | null)?._attributes?.name)
    .filter((name): name is string => typeof name === 'string');
  return names.length > 0 ? names : ['VEVENT', 'VTODO', 'VJOURNAL'];
}

/** The last path segment of a principal or collection URL: "/alice/" → "alice". */
export function lastSegment(path: string): string | null {
  const segments = new URL(path, 'http://x').pathname.split('/').filter(Boolean);
  const last = segments.at(-1);
  return last === undefined ? null : decodeURIComponent(last);
}

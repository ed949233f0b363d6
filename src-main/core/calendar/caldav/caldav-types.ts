export interface CalDavCredentials {
  serverUrl: string;
  username: string;
  password: string;
}

export interface RemoteCalendar {
  url: string;
  displayName: string;
  color: string | null;
  description: string | null;
  /** From DAV:current-user-privilege-set: neither DAV:write nor DAV:write-content (nor DAV:all). */
  readOnly: boolean;
  /** supported-calendar-component-set, e.g. ['VEVENT','VTODO']. */
  components: string[];
  /** Whose calendar it is: the last segment of its DAV:owner principal, else of the calendar's parent path. */
  ownerUsername: string | null;
}

export interface RemoteObject {
  href: string;
  etag: string;
  data: string;
}

export type WriteResult = { ok: true; href: string; etag: string | null } | { ok: false; status: number };

/** Objects changed since the token; with their text when it was asked for and the server gave it. */
export type SyncChanges = { changed: { href: string; etag: string; data?: string }[]; deleted: string[]; newToken: string };

export interface CalDavConnection {
  readonly principalUrl: string;
  readonly homeUrl: string;
  /** Own calendars in the calendar home, plus calendars of others this user may read. */
  listCalendars(): Promise<RemoteCalendar[]>;
  /** RFC 6578; token '' for the first sync. 'token_invalid' when the server refuses the token. */
  syncChanges(calendarUrl: string, token: string, options?: { withData?: boolean }): Promise<SyncChanges | 'token_invalid'>;
  /** Fallback for servers without sync-collection: every object's href and ETag. */
  listEtags(calendarUrl: string): Promise<{ href: string; etag: string }[]>;
  getCtag(calendarUrl: string): Promise<string | null>;
  /** calendar-multiget in chunks; hrefs the server no longer has come back in `missing`. */
  fetchObjects(calendarUrl: string, hrefs: string[]): Promise<{ objects: RemoteObject[]; missing: string[] }>;
  /** 404 → null. */
  fetchOne(href: string): Promise<RemoteObject | null>;
  /** If-None-Match: * (412 when the file name is taken). */
  create(calendarUrl: string, fileName: string, data: string): Promise<WriteResult>;
  /** If-Match: etag (412 when someone changed it meanwhile). */
  update(href: string, data: string, etag: string): Promise<WriteResult>;
  /** If-Match: etag; 404 counts as ok. */
  remove(href: string, etag: string): Promise<{ ok: true } | { ok: false; status: number }>;
}

export interface CalDavOptions {
  /** Calendars of colleagues added by hand (absolute URLs), for servers that do not list them. */
  extraCalendarUrls?: string[];
  /** Per request; default 30 s. */
  timeoutMs?: number;
  /** calendar-multiget chunk size; default 200. */
  multigetChunk?: number;
}

import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { CalendarConnectSchema } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { calendarAccounts, calendarEvents, calendarOutbox, calendars } from '#core/db/schema';
import type { SecretStore } from '#core/secrets/secret-store';
import { DomainError, notFound } from '#core/shared/errors';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection, RemoteCalendar } from '#core/calendar/caldav/caldav-types';
import { currentEmployee, type CalendarContext } from '#core/calendar/calendar-context';
import { localCalendarOf } from '#core/calendar/items/calendars';
import { drop, enqueue } from './outbox';

export type AccountRow = typeof calendarAccounts.$inferSelect;
type ConnectInput = z.output<typeof CalendarConnectSchema>;

export const passwordKey = (accountId: string) => `caldav:${accountId}`;

export function accountById(db: ReadDb, id: string): AccountRow {
  const row = db.select().from(calendarAccounts).where(and(eq(calendarAccounts.id, id), isNull(calendarAccounts.deletedAt))).get();
  if (!row) throw notFound('Calendar account', id);
  return row;
}

export function liveAccounts(db: ReadDb): AccountRow[] {
  return db.select().from(calendarAccounts).where(isNull(calendarAccounts.deletedAt)).all();
}

/** What went wrong with the server, in the words the window shows. */
export function refusal(error: CalDavError): DomainError {
  if (error.kind === 'auth_failed') return new DomainError('unauthorized', 'caldav_auth_failed', error.message);
  if (error.kind === 'not_caldav' || error.kind === 'not_found' || error.kind === 'forbidden') return new DomainError('invalid_payload', 'caldav_not_caldav', error.message);
  return new DomainError('unavailable', 'caldav_unreachable', error.message);
}

/**
 * Keeps the account's calendars as the server lists them: new ones added, changed names and rights taken,
 * those gone from the server forgotten here (their items with them; what was waiting to be sent there cannot be).
 */
export function refreshCalendars(tx: WriteDb, ctx: CalendarContext, account: AccountRow, remote: RemoteCalendar[], ownUsername: string): void {
  const now = ctx.clock.now();
  const existing = tx.select().from(calendars).where(eq(calendars.accountId, account.id)).all();
  const byUrl = new Map(existing.map((c) => [c.url ?? '', c]));
  const own = (c: RemoteCalendar) => c.ownerUsername === null || c.ownerUsername === ownUsername;
  const hasDefault = existing.some((c) => c.isDefault && c.deletedAt === null);
  const firstWritableOwn = remote.find((c) => own(c) && !c.readOnly && c.components.includes('VEVENT'));
  for (const c of remote) {
    const values = {
      displayName: c.displayName,
      color: c.color,
      ownerUsername: c.ownerUsername,
      ownerEmployeeId: own(c) ? account.employeeId : null,
      readOnly: c.readOnly,
      components: c.components.join(','),
      updatedAt: now,
      deletedAt: null,
    };
    const known = byUrl.get(c.url);
    if (known) tx.update(calendars).set(values).where(eq(calendars.id, known.id)).run();
    else {
      tx.insert(calendars)
        .values({ id: ctx.ids.next(), accountId: account.id, url: c.url, ...values, isDefault: !hasDefault && c === firstWritableOwn, visible: true, createdAt: now, updatedBy: currentEmployee(ctx) })
        .run();
    }
  }
  const listed = new Set(remote.map((c) => c.url));
  for (const gone of existing.filter((c) => !listed.has(c.url ?? '') && c.deletedAt === null)) {
    tx.update(calendars).set({ deletedAt: now, updatedAt: now }).where(eq(calendars.id, gone.id)).run();
  }
}

/**
 * Moves the employee's items kept on this workstation into their default server calendar (queued for the
 * server), and makes that calendar theirs for new items: connecting an account is "my calendar now syncs".
 */
function adoptLocalItems(tx: WriteDb, ctx: CalendarContext, account: AccountRow): void {
  const target = tx.select().from(calendars).where(and(eq(calendars.accountId, account.id), eq(calendars.isDefault, true), isNull(calendars.deletedAt))).get();
  if (!target) return;
  const locals = tx
    .select()
    .from(calendars)
    .where(and(isNull(calendars.accountId), account.employeeId ? eq(calendars.ownerEmployeeId, account.employeeId) : isNull(calendars.ownerEmployeeId)))
    .all();
  const now = ctx.clock.now();
  const author = currentEmployee(ctx);
  for (const local of locals) {
    const items = tx.select().from(calendarEvents).where(eq(calendarEvents.calendarId, local.id)).all();
    for (const item of items) {
      const revision = item.localRevision + 1;
      tx.update(calendarEvents).set({ calendarId: target.id, localRevision: revision, updatedAt: now, updatedBy: author }).where(eq(calendarEvents.id, item.id)).run();
      if (item.deletedAt === null) enqueue(tx, { ids: ctx.ids, now, author }, item.id, 'put', revision);
      else drop(tx, item.id);
    }
    tx.update(calendars).set({ isDefault: false, updatedAt: now }).where(eq(calendars.id, local.id)).run();
  }
}

/** Finds the server's calendars (discovery), keeps the password in the secret store, and records the account. */
export async function connectAccount(
  ctx: CalendarContext,
  secrets: SecretStore,
  connect: (credentials: { serverUrl: string; username: string; password: string }, extra: string[]) => Promise<CalDavConnection>,
  input: ConnectInput,
): Promise<{ account: AccountRow; connection: CalDavConnection }> {
  const employeeId = input.employeeId ?? currentEmployee(ctx);
  const duplicate = liveAccounts(ctx.database.read).find((a) => a.serverUrl === input.serverUrl && a.username === input.username);
  if (duplicate) throw new DomainError('conflict', 'caldav_account_exists', `${input.username} at ${input.serverUrl} is connected`);
  let connection: CalDavConnection;
  let remote: RemoteCalendar[];
  try {
    connection = await connect(input, input.extraCalendarUrls);
    remote = await connection.listCalendars();
  } catch (error) {
    if (error instanceof CalDavError) throw refusal(error);
    throw error;
  }
  if (remote.length === 0) throw new DomainError('invalid_payload', 'caldav_not_caldav', `No calendars for ${input.username} at ${input.serverUrl}`);
  const now = ctx.clock.now();
  const account: AccountRow = {
    id: ctx.ids.next(),
    employeeId,
    serverUrl: input.serverUrl,
    username: input.username,
    principalUrl: connection.principalUrl,
    homeUrl: connection.homeUrl,
    extraCalendarUrls: JSON.stringify(input.extraCalendarUrls),
    lastSyncAt: null,
    lastError: null,
    createdAt: now,
    updatedAt: now,
    updatedBy: currentEmployee(ctx),
    deletedAt: null,
  };
  secrets.set(passwordKey(account.id), input.password);
  ctx.database.write((tx) => {
    tx.insert(calendarAccounts).values(account).run();
    refreshCalendars(tx, ctx, account, remote, input.username);
    adoptLocalItems(tx, ctx, account);
  });
  return { account, connection };
}

/** Forgets the account here: its calendars and their items (the server keeps them), its password. */
export function disconnectAccount(ctx: CalendarContext, secrets: SecretStore, id: string): void {
  const account = accountById(ctx.database.read, id);
  ctx.database.write((tx) => {
    // Changes the server never got stay here, in the employee's calendar on this workstation.
    const unsent = tx
      .select({ id: calendarEvents.id })
      .from(calendarEvents)
      .innerJoin(calendars, eq(calendars.id, calendarEvents.calendarId))
      .innerJoin(calendarOutbox, eq(calendarOutbox.eventId, calendarEvents.id))
      .where(and(eq(calendars.accountId, account.id), eq(calendarOutbox.operation, 'put'), isNull(calendarEvents.deletedAt)))
      .all();
    const local = localCalendarOf(tx, { ids: ctx.ids, now: ctx.clock.now() }, account.employeeId);
    for (const item of unsent) {
      tx.update(calendarEvents).set({ calendarId: local.id, href: null, etag: null }).where(eq(calendarEvents.id, item.id)).run();
      drop(tx, item.id);
    }
    tx.delete(calendarAccounts).where(eq(calendarAccounts.id, account.id)).run();
  });
  secrets.delete(passwordKey(account.id));
}

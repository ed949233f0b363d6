import { and, eq, isNull } from 'drizzle-orm';
import type { z } from 'zod';
import type { SyncProgressSchema } from '#contract';
import { calendarAccounts, calendars } from '#core/db/schema';
import type { SecretStore } from '#core/secrets/secret-store';
import type { Disposable } from '#core/shared/disposable';
import type { Logger } from '#core/shared/logger';
import { CalDavError } from '#core/calendar/caldav/caldav-errors';
import type { CalDavConnection, CalDavCredentials } from '#core/calendar/caldav/caldav-types';
import type { CalendarContext } from '#core/calendar/calendar-context';
import type { CalendarRow } from '#core/calendar/items/calendars';
import { liveAccounts, passwordKey, refreshCalendars, type AccountRow } from './accounts';
import { pullCalendar } from './calendar-pull';
import { pushOutbox } from './outbox-push';
import { isRunning, nextPhase, type SyncPhase, type SyncStep } from './sync-lifecycle';

export type ConnectCalDav = (credentials: CalDavCredentials, extraCalendarUrls: string[]) => Promise<CalDavConnection>;

export interface CalendarSyncOptions {
  ctx: CalendarContext;
  secrets: SecretStore;
  connect: ConnectCalDav;
  logger: Logger;
  progress: (progress: z.input<typeof SyncProgressSchema>) => void;
  setTimer: (fn: () => void, ms: number) => () => void;
  /** Between syncs of a healthy account (default 60 s). */
  intervalMs?: number;
  /** Local changes are sent this soon after the last one (default 1.5 s). */
  pushDelayMs?: number;
}

const offlineRetryMs = [5_000, 15_000, 60_000, 300_000];

interface AccountState {
  phase: SyncPhase;
  connection: CalDavConnection | null;
  run: Promise<void> | null;
  again: boolean;
  offlineRuns: number;
  cancelTimer: (() => void) | null;
  /** When the server's list of calendars was last read (new, renamed, shared or withdrawn calendars). */
  listedAt: number | null;
}

/** The list of calendars changes rarely: read at connect and then at most this often, not on every sync. */
const calendarListEveryMs = 5 * 60_000;

/**
 * Two-way sync of every CalDAV account: pull each calendar, then push the outbox; every minute, soon after a
 * local change, and on request. A server out of reach leaves the account offline (the calendar keeps working
 * here) and is tried again by itself, later each time; a refused password waits for the person.
 */
export class CalendarSync implements Disposable {
  private readonly accounts = new Map<string, AccountState>();
  private disposed = false;

  constructor(private readonly options: CalendarSyncOptions) {}

  start(): void {
    for (const account of liveAccounts(this.options.ctx.database.read)) this.schedule(account.id, 0);
  }

  phase(accountId: string): SyncPhase {
    return this.accounts.get(accountId)?.phase ?? 'idle';
  }

  /** Syncs now (after the run under way, if one is). */
  async syncNow(accountId?: string): Promise<void> {
    const ids = accountId ? [accountId] : liveAccounts(this.options.ctx.database.read).map((a) => a.id);
    await Promise.all(ids.map((id) => this.run(id)));
  }

  /** A local change: sent shortly, several quick edits in one go. */
  changedLocally(): void {
    for (const account of liveAccounts(this.options.ctx.database.read)) {
      const state = this.stateOf(account.id);
      if (state.phase === 'failed') continue;
      this.schedule(account.id, this.options.pushDelayMs ?? 1_500);
    }
  }

  /** A connection just made for this account, its calendars just listed and stored. */
  adopt(accountId: string, connection: CalDavConnection): void {
    const state = this.stateOf(accountId);
    state.connection = connection;
    state.listedAt = this.options.ctx.clock.now();
  }

  forget(accountId: string): void {
    this.accounts.get(accountId)?.cancelTimer?.();
    this.accounts.delete(accountId);
  }

  private stateOf(accountId: string): AccountState {
    let state = this.accounts.get(accountId);
    if (!state) {
      state = { phase: 'idle', connection: null, run: null, again: false, offlineRuns: 0, cancelTimer: null, listedAt: null };
      this.accounts.set(accountId, state);
    }
    return state;
  }

  private schedule(accountId: string, ms: number): void {
    if (this.disposed) return;
    const state = this.stateOf(accountId);
    state.cancelTimer?.();
    state.cancelTimer = this.options.setTimer(() => {
      state.cancelTimer = null;
      this.run(accountId).catch((error: unknown) => this.options.logger.error('Calendar sync failed', { error: String(error) }));
    }, ms);
  }

  private run(accountId: string): Promise<void> {
    const state = this.stateOf(accountId);
    if (state.run) {
      // One run at a time per account; a request during a run gets one more run after it.
      state.again = true;
      return state.run;
    }
    state.run = this.runOnce(accountId, state).finally(() => {
      state.run = null;
      if (state.again && !this.disposed) {
        state.again = false;
        void this.run(accountId);
      }
    });
    return state.run;
  }

  private step(state: AccountState, step: SyncStep): void {
    state.phase = nextPhase(state.phase, step);
  }

  private async runOnce(accountId: string, state: AccountState): Promise<void> {
    const { ctx } = this.options;
    const account = liveAccounts(ctx.database.read).find((a) => a.id === accountId);
    if (!account || this.disposed) return;
    if (isRunning(state.phase)) return;
    this.step(state, 'start');
    this.options.progress({ source: 'caldav', accountId, phase: 'connecting', done: 0, total: 0 });
    let changed = false;
    try {
      const connection = state.connection ?? (await this.connect(account));
      state.connection = connection;
      this.step(state, 'connected');
      const now = ctx.clock.now();
      if (state.listedAt === null || now - state.listedAt >= calendarListEveryMs) {
        const remote = await connection.listCalendars();
        ctx.database.write((tx) => refreshCalendars(tx, ctx, account, remote, account.username));
        state.listedAt = now;
      }
      const ofAccount = ctx.database.read
        .select()
        .from(calendars)
        .where(and(eq(calendars.accountId, account.id), isNull(calendars.deletedAt)))
        .all();
      for (const calendar of ofAccount) {
        const report = await pullCalendar(ctx, connection, calendar, (done, total) =>
          this.options.progress({ source: 'caldav', accountId, phase: 'pulling', done, total, message: calendar.displayName }),
        );
        changed ||= report.changed + report.deleted + report.conflicts > 0;
        if (report.rejected > 0) this.options.logger.warn('Calendar items the server sent could not be read', { calendar: calendar.id, rejected: report.rejected });
      }
      this.step(state, 'pulled');
      const writable = new Map<string, CalendarRow>(ofAccount.map((c) => [c.id, c]));
      const pushed = await pushOutbox(ctx, connection, writable, (done, total) => this.options.progress({ source: 'caldav', accountId, phase: 'pushing', done, total }));
      changed ||= pushed.sent + pushed.conflicts > 0;
      this.step(state, 'pushed');
      state.offlineRuns = 0;
      this.finish(account, null);
      this.options.progress({ source: 'caldav', accountId, phase: 'done', done: 1, total: 1 });
      this.schedule(accountId, this.options.intervalMs ?? 60_000);
    } catch (error) {
      state.connection = null;
      state.listedAt = null;
      const reachable = !(error instanceof CalDavError) || !['unreachable', 'timeout', 'server_error'].includes(error.kind);
      this.step(state, reachable ? 'refused' : 'unreachable');
      const message = error instanceof Error ? error.message : String(error);
      this.finish(account, message);
      this.options.progress({ source: 'caldav', accountId, phase: reachable ? 'failed' : 'offline', done: 0, total: 0, message });
      if (!reachable) {
        this.schedule(accountId, offlineRetryMs[Math.min(state.offlineRuns, offlineRetryMs.length - 1)] ?? 300_000);
        state.offlineRuns++;
      }
    } finally {
      if (changed) ctx.changed('sync');
    }
  }

  private async connect(account: AccountRow): Promise<CalDavConnection> {
    const password = this.options.secrets.get(passwordKey(account.id));
    if (password === undefined) throw new CalDavError('auth_failed', `No password kept for ${account.username}`);
    return this.options.connect({ serverUrl: account.serverUrl, username: account.username, password }, JSON.parse(account.extraCalendarUrls) as string[]);
  }

  private finish(account: AccountRow, error: string | null): void {
    const { ctx } = this.options;
    const now = ctx.clock.now();
    ctx.database.write((tx) =>
      tx
        .update(calendarAccounts)
        .set(error === null ? { lastSyncAt: now, lastError: null } : { lastError: error })
        .where(eq(calendarAccounts.id, account.id))
        .run(),
    );
  }

  dispose(): void {
    this.disposed = true;
    for (const state of this.accounts.values()) state.cancelTimer?.();
  }
}

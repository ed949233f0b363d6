import { eq } from 'drizzle-orm';
import { defineHandlers } from '#core/api/registry';
import { calendars } from '#core/db/schema';
import { InvalidInputError, issue, notFound } from '#core/shared/errors';
import type { SecretStore } from '#core/secrets/secret-store';
import type { CalendarContext } from './calendar-context';
import { listAccounts, listCalendars, listProblems, recordFilter } from './calendar-views';
import { setDefaultCalendar } from './items/calendars';
import { deleteItem, moveItem, saveItem, setAssignmentStatus, setDone } from './items/item-edits';
import { eventById } from './items/item-store';
import { itemView } from './items/item-view';
import { occurrencesInRange } from './items/occurrences';
import { employeeLoad } from './load';
import { dismissReminder, listReminders, snoozeReminder } from './reminders';
import { accountById, connectAccount, disconnectAccount } from './sync/accounts';
import type { CalendarSync, ConnectCalDav } from './sync/calendar-sync';
import { listConflicts, resolveConflict } from './sync/conflicts';

const ok = { ok: true } as const;
/** A record's items from a year back to two years ahead: its card shows what was planned and what is coming. */
const recordWindow = { back: 366 * 86_400_000, ahead: 2 * 366 * 86_400_000 };

export function calendarHandlers(deps: { ctx: CalendarContext; sync: CalendarSync; secrets: SecretStore; connect: ConnectCalDav }) {
  const { ctx, sync } = deps;
  const read = () => ctx.database.read;
  const zone = () => ctx.workstationZone();
  return defineHandlers({
    'calendar.range': ({ from, to, employeeIds, kinds }) => occurrencesInRange(read(), zone(), { from, to, employeeIds, kinds }),
    'calendar.get': ({ id }) => itemView(read(), eventById(read(), id), zone()),
    'calendar.save': (input) => saveItem(ctx, input),
    'calendar.move': (input) => moveItem(ctx, input),
    'calendar.delete': (input) => {
      deleteItem(ctx, input);
      return ok;
    },
    'calendar.setDone': ({ id, done }) => setDone(ctx, id, done),
    'calendar.setAssignmentStatus': ({ id, status }) => setAssignmentStatus(ctx, id, status),
    'calendar.forRecord': (input) => {
      const record = recordFilter(input);
      if (!record) throw new InvalidInputError([issue('contactId', 'required', 'Name a contact, company, deal or complaint')]);
      const now = ctx.clock.now();
      return occurrencesInRange(read(), zone(), { from: now - recordWindow.back, to: now + recordWindow.ahead, record });
    },
    'calendar.calendars': () => listCalendars(read()),
    'calendar.setVisible': ({ id, visible }) => {
      ctx.database.write((tx) => tx.update(calendars).set({ visible, updatedAt: ctx.clock.now() }).where(eq(calendars.id, id)).run());
      ctx.changed('local');
      return ok;
    },
    'calendar.setDefault': ({ id }) => {
      setDefaultCalendar(ctx, id);
      return ok;
    },
    'calendar.accounts': () => listAccounts(read(), (id) => sync.phase(id)),
    'calendar.connect': async (input) => {
      const { account, connection } = await connectAccount(ctx, deps.secrets, deps.connect, input);
      // The connection that found the calendars serves the first sync (no second discovery and listing).
      sync.adopt(account.id, connection);
      await sync.syncNow(account.id);
      const view = listAccounts(read(), (id) => sync.phase(id)).find((a) => a.id === account.id);
      if (!view) throw notFound('Calendar account', account.id);
      return view;
    },
    'calendar.disconnect': ({ id }) => {
      accountById(read(), id);
      sync.forget(id);
      disconnectAccount(ctx, deps.secrets, id);
      ctx.changed('local');
      return ok;
    },
    'calendar.syncNow': async ({ accountId }) => {
      if (accountId) accountById(read(), accountId);
      await sync.syncNow(accountId);
      return ok;
    },
    'calendar.conflicts': () => listConflicts(read(), zone()),
    'calendar.resolveConflict': (input) => {
      resolveConflict(ctx, input);
      return ok;
    },
    'calendar.problems': () => listProblems(read()),
    'calendar.reminders': () => listReminders(ctx),
    'calendar.snoozeReminder': ({ eventId, occurrenceStart, minutes }) => {
      snoozeReminder(ctx, eventId, occurrenceStart, minutes);
      return ok;
    },
    'calendar.dismissReminder': ({ eventId, occurrenceStart }) => {
      dismissReminder(ctx, eventId, occurrenceStart);
      return ok;
    },
    'calendar.load': ({ from, to, employeeIds }) => employeeLoad(ctx, { from, to, employeeIds }),
  });
}

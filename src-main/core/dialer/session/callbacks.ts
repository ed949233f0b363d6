import type { WriteDb } from '#core/db/handles';
import { calendarEvents } from '#core/db/schema';
import type { IdGenerator } from '#core/shared/ids';

/** A callback is planned as a quarter of an hour, reminded five minutes before. */
const callbackMinutes = 15;
const reminderMinutes = 5;

/**
 * A callback the client asked for, put into the operator's calendar with the disposition (same transaction):
 * the operator sees it among their events and gets its reminder; the dialer itself calls it when due, first
 * before new numbers, from the campaign's list (the calendar entry is what the person sees, the list is what dials).
 */
export function scheduleCallback(
  tx: WriteDb,
  deps: { ids: IdGenerator; now: number },
  callback: { contactId: string; operatorId: string; at: number; campaignName: string; phone: string },
): void {
  tx.insert(calendarEvents)
    .values({
      id: deps.ids.next(),
      title: `☎ ${callback.phone} · ${callback.campaignName}`,
      startsAt: callback.at,
      endsAt: callback.at + callbackMinutes * 60_000,
      location: null,
      contactId: callback.contactId,
      ownerId: callback.operatorId,
      reminderMinutes,
      createdAt: deps.now,
      updatedAt: deps.now,
    })
    .run();
}

import { planItem } from '#core/calendar/items/plan-item';
import { systemZone } from '#core/calendar/calendar-context';
import type { WriteDb } from '#core/db/handles';
import type { IdGenerator } from '#core/shared/ids';

/** A callback is planned as a quarter of an hour, reminded five minutes before. */
const callbackMinutes = 15;
const reminderMinutes = 5;

/**
 * A callback the client asked for, put into the operator's calendar with the disposition (same transaction):
 * the operator sees it among their events and gets its reminder, and it goes to the company's calendar server
 * with the rest; the dialer itself calls it when due, first before new numbers, from the campaign's list (the
 * calendar item is what the person sees, the list is what dials).
 */
export function scheduleCallback(
  tx: WriteDb,
  deps: { ids: IdGenerator; now: number },
  callback: { contactId: string; operatorId: string; at: number; campaignName: string; phone: string },
): void {
  planItem(tx, { ids: deps.ids, now: deps.now, author: callback.operatorId, workstationZone: systemZone() }, {
    kind: 'callback',
    title: `☎ ${callback.phone} · ${callback.campaignName}`,
    startsAt: callback.at,
    minutes: callbackMinutes,
    ownerId: callback.operatorId,
    links: { contactId: callback.contactId },
    reminderMinutes,
  });
}

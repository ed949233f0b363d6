import ICAL from 'ical.js';
import type { ItemFields } from './calendar-item';
import { serialize } from './serialize';
import { writeFields } from './write-fields';
import { intlZone } from './zones';

export const productId = '-//Operator Workstation//CRM Calendar//EN';

/** A new resource: VCALENDAR with PRODID, VERSION, the item and a VTIMEZONE for each IANA zone its times name. */
export function buildResource(fields: ItemFields, uid: string, nowUtc: number): string {
  const calendar = new ICAL.Component('vcalendar');
  calendar.addPropertyWithValue('prodid', productId);
  calendar.addPropertyWithValue('version', '2.0');
  const item = new ICAL.Component(fields.component.toLowerCase());
  item.addPropertyWithValue('uid', uid);
  // The floating zone only matters for reading; a new item's times are written as given.
  writeFields(item, null, { ...fields, sequence: fields.sequence }, { calendar, floating: intlZone('UTC')!, nowUtc });
  calendar.addSubcomponent(item);
  return serialize(calendar);
}

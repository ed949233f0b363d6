import type { ParseResult } from './calendar-item';
import { isRecurring, resourceBounds } from './expand-occurrences';
import { readResource } from './read-resource';

/** Reads one CalDAV resource (one UID) into the CRM's fields; malformed text is rejected with a reason, never thrown. */
export function parseCalendarResource(text: string, floatingZone: string): ParseResult {
  const result = readResource(text, floatingZone);
  if (!result.ok) return result;
  const { read } = result;
  try {
    return {
      ok: true,
      resource: {
        uid: read.uid,
        master: read.master?.fields ?? null,
        overrides: read.overrides.map((override) => ({ ...override.fields, recurrenceId: override.recurrenceId!.zoned })),
        recurring: read.master ? isRecurring(read.master) : false,
        ...resourceBounds(read),
      },
    };
  } catch (error) {
    // Expanding can still fail on values ical.js reads lazily (an RDATE it cannot read).
    return { ok: false, reason: 'bad_value', detail: error instanceof Error ? error.message : String(error) };
  }
}

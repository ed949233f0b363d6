import type { ConflictField, ConflictVersion } from '#contract';

export const conflictFieldOrder: readonly ConflictField[] = ['title', 'start', 'end', 'allDay', 'location', 'description', 'rrule', 'reminderMinutes'];

/** A field of one side as text for the side-by-side view (times as written, with their zone). */
export function conflictValueText(version: ConflictVersion, field: ConflictField, words: { yes: string; no: string; none: string }): string {
  switch (field) {
    case 'start':
    case 'end': {
      const time = version[field];
      return `${time.local.replace('T', ' ')}${time.tzid ? ` (${time.tzid})` : ''}`;
    }
    case 'allDay':
      return version.allDay ? words.yes : words.no;
    case 'reminderMinutes':
      return version.reminderMinutes === null ? words.none : String(version.reminderMinutes);
    default:
      return version[field] ?? words.none;
  }
}

/** A merge's choice for each differing field: mine where the person picked it, theirs otherwise. */
export function mergeChoice(differing: readonly ConflictField[], picked: Partial<Record<ConflictField, 'mine' | 'theirs'>>): Partial<Record<ConflictField, 'mine' | 'theirs'>> {
  return Object.fromEntries(differing.map((field) => [field, picked[field] ?? 'theirs']));
}

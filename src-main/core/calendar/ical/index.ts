/** The iCalendar layer of the CalDAV calendar: reads and edits the server's exact text of one resource. */
export type * from './calendar-item';
export { itemKinds } from './calendar-item';
export { buildResource } from './build-resource';
export { editResource, removeOccurrence } from './edit-resource';
export { expandOccurrences } from './expand-occurrences';
export { parseCalendarResource } from './parse-resource';
export { sameContent } from './same-content';

import type { Component } from './read-resource';

/** iCalendar text as CalDAV servers expect it: CRLF line ends (ical.js folds lines at 75 octets), a final CRLF. */
export function serialize(calendar: Component): string {
  const text = calendar.toString().replace(/\r?\n/g, '\r\n');
  return text.endsWith('\r\n') ? text : `${text}\r\n`;
}

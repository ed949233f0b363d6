import ICAL from 'ical.js';
import type { Component } from './read-resource';

/** ical.js folds after this many octets but then starts the next line with a space: 74 keeps every line ≤ 75 (RFC 5545 3.1). */
const foldOctets = 74;

/** iCalendar text as CalDAV servers expect it: CRLF line ends, lines folded to 75 octets, a final CRLF. */
export function serialize(calendar: Component): string {
  const previous = ICAL.foldLength;
  ICAL.foldLength = foldOctets;
  try {
    const text = calendar.toString().replace(/\r?\n/g, '\r\n');
    return text.endsWith('\r\n') ? text : `${text}\r\n`;
  } finally {
    ICAL.foldLength = previous;
  }
}

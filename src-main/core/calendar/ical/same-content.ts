import type { ReadResource } from './read-resource';
import { readResource, timesOf } from './read-resource';
import { utcOf } from './zones';

/** True when two texts describe the same item (all fields of master and overrides equal), ignoring DTSTAMP/LAST-MODIFIED/line folding. */
export function sameContent(a: string, b: string, floatingZone: string): boolean {
  if (a === b) return true;
  const left = readResource(a, floatingZone);
  const right = readResource(b, floatingZone);
  return left.ok && right.ok && contentKey(left.read) === contentKey(right.read);
}

/** What an item says, in a canonical order; EXDATE/RDATE included since the fields do not carry them. */
function contentKey(read: ReadResource): string {
  const instants = (name: string) =>
    (read.master?.component.getAllProperties(name) ?? [])
      .flatMap(timesOf)
      .map((time) => utcOf(time, read.floating))
      .sort((x, y) => x - y);
  return JSON.stringify({
    uid: read.uid,
    master: read.master?.fields ?? null,
    overrides: read.overrides
      .map((override) => ({ at: override.recurrenceId!.utc, fields: override.fields }))
      .sort((x, y) => x.at - y.at),
    exdates: instants('exdate'),
    rdates: instants('rdate'),
  });
}

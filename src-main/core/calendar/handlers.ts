import { defineHandlers } from '#core/api/registry';
import type { AppDatabase } from '#core/db/connection';
import { eventsInRange } from './events';

export function calendarHandlers(database: AppDatabase) {
  return defineHandlers({
    'calendar.range': ({ from, to }) => eventsInRange(database.read, from, to),
  });
}

import type { GridView } from './CalendarGrid';

export type ScreenMode = GridView | 'team' | 'load';

/** The date the previous/next button goes to: a day, a week or a month on. */
export function shiftDate(date: Date, mode: ScreenMode, step: 1 | -1): Date {
  const next = new Date(date);
  if (mode === 'dayGridMonth') next.setMonth(next.getMonth() + step, 1);
  else if (mode === 'timeGridWeek' || mode === 'listWeek') next.setDate(next.getDate() + 7 * step);
  else next.setDate(next.getDate() + step);
  return next;
}

import { z } from 'zod';
import { PhoneShortcutActionSchema, SettingsSchema } from './app';
import { calendarEvents } from './calendar';
import { dialerEvents } from './dialer';
import { reportEvents } from './reports';
import { JobProgressSchema } from './jobs';
import { CallInfoSchema, CallRingingSchema, UnreadableLinkReasonSchema, ColleagueLineSchema, MediaRequestSchema, PhoneStatusSchema } from './phone';

/** Everything main pushes to the renderer without being asked. */
export const events = {
  /** An incoming call is ringing; carries the caller-ID match for the screen pop. */
  'call.ringing': CallRingingSchema,
  'phone.status': PhoneStatusSchema,
  /** A colleague's line changed (idle, ringing, busy, unknown). */
  'phone.lines': z.array(ColleagueLineSchema),
  /** A call changed state (answered, on hold, ended…). */
  'call.updated': CallInfoSchema,
  /** A system-wide phone shortcut was pressed (desktop app): the window acts on its current call. */
  'phone.shortcut': z.object({ action: PhoneShortcutActionSchema }),
  /** A tel: or sip: link was opened, or a number handed over by a second launch: dial it. */
  'phone.dialRequest': z.object({ target: z.string().max(200) }),
  /** A tel:/sip: link could not be read (a broken escape, nothing dialable): the window says so. */
  'phone.unreadableLink': z.object({ link: z.string().max(200), reason: UnreadableLinkReasonSchema }),
  /** Main asks the media window to make or take SDP, send DTMF, or close a call's audio. */
  'media.request': MediaRequestSchema,
  ...calendarEvents,
  /** Progress of work running in a worker thread (import, demo data, big reports). */
  'job.progress': JobProgressSchema,
  /** Settings changed, possibly from another window or the command line. */
  'settings.changed': SettingsSchema,
  /** The operator's campaign session changed (state, card, countdown, lines out). */
  ...dialerEvents,
  ...reportEvents,
} as const satisfies Record<string, z.ZodType>;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

export function isEventName(name: unknown): name is EventName {
  return typeof name === 'string' && Object.hasOwn(events, name);
}

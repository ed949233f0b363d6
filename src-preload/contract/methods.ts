import { z } from 'zod';
import { AppInfoSchema, SettingsPatchSchema, SettingsSchema } from './app';
import { CalendarEventSchema, CalendarRangeRequestSchema } from './calendar';
import { EmptyInputSchema, IdSchema } from './common';
import {
  CallHistoryPageSchema,
  CallHistoryRequestSchema,
  ContactCardSchema,
  ContactListPageSchema,
  ContactListRequestSchema,
  QuickSearchHitSchema,
  QuickSearchRequestSchema,
} from './crm';
import { DemoSeedRequestSchema, JobStartedSchema } from './jobs';
import { PhoneStatusSchema } from './phone';
import { ReportSummarySchema } from './reports';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * Every request the renderer may make of main. Main validates `input` before any handler runs
 * and checks `output` before it leaves, so both sides can trust these shapes.
 */
export const methods = {
  /** Version, host kind and data directory, for the About panel and diagnostics. */
  'app.info': { input: EmptyInputSchema, output: AppInfoSchema },

  'settings.get': { input: EmptyInputSchema, output: SettingsSchema },
  /** Applies a partial change and answers with the whole new settings. */
  'settings.update': { input: SettingsPatchSchema, output: SettingsSchema },

  /** A page of contacts, sorted and filtered in main against indexes. */
  'contacts.list': { input: ContactListRequestSchema, output: ContactListPageSchema },
  /** One contact with phones, company, recent history and open deals. */
  'contacts.get': { input: z.strictObject({ id: IdSchema }), output: ContactCardSchema },

  /** Search-as-you-type for the Ctrl+K palette: contacts and companies by name or phone digits. */
  'search.quick': { input: QuickSearchRequestSchema, output: z.array(QuickSearchHitSchema) },

  'calls.history': { input: CallHistoryRequestSchema, output: CallHistoryPageSchema },

  'calendar.range': { input: CalendarRangeRequestSchema, output: z.array(CalendarEventSchema) },

  'reports.summary': { input: EmptyInputSchema, output: ReportSummarySchema },

  /** Fills an empty workplace with the deterministic demo dataset, in a worker thread. */
  'demo.seed': { input: DemoSeedRequestSchema, output: JobStartedSchema },

  'phone.status': { input: EmptyInputSchema, output: PhoneStatusSchema },
} as const satisfies Record<string, MethodSpec>;

export type Methods = typeof methods;
export type MethodName = keyof Methods;
/** What a caller passes: defaults may be left out. */
export type MethodInput<M extends MethodName> = z.input<Methods[M]['input']>;
/** What a handler receives: defaults filled in, validated. */
export type MethodParams<M extends MethodName> = z.output<Methods[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Methods[M]['output']>;

export const methodNames = Object.keys(methods) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

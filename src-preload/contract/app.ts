import { z } from 'zod';
import { CountryCodeSchema, IdSchema, LanguageSchema } from './common';

export const HostKindSchema = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof HostKindSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  host: HostKindSchema,
  dataDir: z.string(),
  /** The operating system's preferred locale, used when Settings leave the language on "system". */
  systemLocale: z.string(),
  contactCount: z.number().int().nonnegative(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

export const ThemeSchema = z.enum(['light', 'dark', 'auto']);
export type Theme = z.infer<typeof ThemeSchema>;

/** The phone actions that have keyboard shortcuts (in the window, and system-wide in the desktop app). */
export const phoneShortcutActions = ['answer', 'hangup', 'hold', 'mute', 'transfer'] as const;
export const PhoneShortcutActionSchema = z.enum(phoneShortcutActions);
export type PhoneShortcutAction = z.infer<typeof PhoneShortcutActionSchema>;

/** An accelerator in Electron's spelling, which the window understands too: "CommandOrControl+Alt+A". */
export const AcceleratorSchema = z
  .string()
  .max(60)
  .regex(/^((CommandOrControl|Control|Ctrl|Alt|Shift|Super|Meta)\+)*([A-Z0-9]|F([1-9]|1[0-9]|2[0-4])|Space|Enter|Escape)$/, 'Modifiers joined with + and one key, e.g. CommandOrControl+Alt+A');

export const PhonePreferencesSchema = z.object({
  /** Audio devices by their browser device id; null is the system default. */
  microphoneId: z.string().max(200).nullable(),
  speakerId: z.string().max(200).nullable(),
  ringtone: z.boolean(),
  shortcuts: z.record(PhoneShortcutActionSchema, AcceleratorSchema),
});
export type PhonePreferences = z.infer<typeof PhonePreferencesSchema>;

export const WorkingCountriesSchema = z
  .array(CountryCodeSchema)
  .min(1, 'Choose at least one country')
  .max(10)
  .refine((list) => new Set(list).size === list.length, { message: 'Each country once', params: { reason: 'each_country_once' } });

export const SettingsSchema = z.object({
  /** `null` follows the operating system's locale. */
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  /**
   * The countries this office works with, in order: a number written without a country code is read
   * in each one's national forms, the first reading winning (see core/shared/phone-reading.ts).
   */
  workingCountries: WorkingCountriesSchema,
  /** The employee working at this workstation: the author of what they record, and the "me" of the collision guard. */
  currentEmployeeId: IdSchema.nullable(),
  phone: PhonePreferencesSchema,
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z.strictObject({
  language: LanguageSchema.nullable().optional(),
  theme: ThemeSchema.optional(),
  workingCountries: WorkingCountriesSchema.optional(),
  currentEmployeeId: IdSchema.nullable().optional(),
  phone: PhonePreferencesSchema.optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

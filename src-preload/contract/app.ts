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

export const SettingsSchema = z.object({
  /** `null` follows the operating system's locale. */
  language: LanguageSchema.nullable(),
  theme: ThemeSchema,
  /** Country assumed for phone numbers written without a country code. */
  defaultCountry: CountryCodeSchema,
  /** The employee working at this workstation: the author of what they record, and the "me" of the collision guard. */
  currentEmployeeId: IdSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const SettingsPatchSchema = z.strictObject({
  language: LanguageSchema.nullable().optional(),
  theme: ThemeSchema.optional(),
  defaultCountry: CountryCodeSchema.optional(),
  currentEmployeeId: IdSchema.nullable().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

import { SettingsSchema, type Settings, type SettingsPatch } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { settings } from '#core/db/schema';

export const defaultSettings: Settings = {
  language: null,
  theme: 'auto',
  workingCountries: ['UA', 'RU'],
  currentEmployeeId: null,
  phone: {
    microphoneId: null,
    speakerId: null,
    ringtone: true,
    shortcuts: {
      answer: 'CommandOrControl+Alt+A',
      hangup: 'CommandOrControl+Alt+H',
      hold: 'CommandOrControl+Alt+P',
      mute: 'CommandOrControl+Alt+M',
      transfer: 'CommandOrControl+Alt+T',
    },
  },
};

/**
 * Reads the stored settings over the defaults. A stored value that no longer fits the
 * contract (hand-edited, or from an older build) falls back to its default rather than
 * breaking the start-up; the caller learns which keys did.
 */
export function readSettings(db: ReadDb, systemLocale: string | null = null): { settings: Settings; invalidKeys: string[] } {
  const rows = db.select().from(settings).all();
  const language = safeJson(rows.find((r) => r.key === 'language')?.value ?? 'null');
  const locale = typeof language === 'string' && !systemLocale?.toLowerCase().startsWith(language) ? language : systemLocale;
  const defaults: Settings = { ...defaultSettings, workingCountries: defaultWorkingCountries(locale) };
  const merged: Record<string, unknown> = { ...defaults };
  const invalidKeys: string[] = [];
  // Before working countries there was one default country: it leads the list it becomes.
  const legacyCountry = rows.find((r) => r.key === 'defaultCountry');
  if (legacyCountry && !rows.some((r) => r.key === 'workingCountries')) {
    const country = safeJson(legacyCountry.value);
    if (typeof country === 'string' && /^[A-Z]{2}$/.test(country)) merged.workingCountries = [...new Set([country, ...defaults.workingCountries])];
  }
  for (const row of rows) {
    if (!(row.key in defaults)) continue;
    const candidate = { ...defaults, [row.key]: safeJson(row.value) };
    if (SettingsSchema.safeParse(candidate).success) merged[row.key] = candidate[row.key as keyof Settings];
    else invalidKeys.push(row.key);
  }
  return { settings: SettingsSchema.parse(merged), invalidKeys };
}

export function writeSettings(tx: WriteDb, patch: SettingsPatch): void {
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const json = JSON.stringify(value);
    tx.insert(settings).values({ key, value: json }).onConflictDoUpdate({ target: settings.key, set: { value: json } }).run();
  }
}

/**
 * Working countries for a new workplace, from the interface language or the system's locale: the
 * locale's own country first ("uk-UA" → UA), then the neighbours these offices call most.
 */
export function defaultWorkingCountries(locale: string | null): string[] {
  const [language = '', region] = (locale ?? '').split(/[-_]/);
  const neighbours = language.toLowerCase() === 'ru' ? ['RU', 'UA', 'KZ', 'BY'] : ['UA', 'RU'];
  const own = region && /^[A-Za-z]{2}$/.test(region) ? [region.toUpperCase()] : [];
  return [...new Set([...own, ...neighbours])];
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Unparseable JSON is reported through invalidKeys by the schema check that follows.
    return undefined;
  }
}

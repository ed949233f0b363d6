import { SettingsSchema, type Settings, type SettingsPatch } from '#contract';
import type { ReadDb, WriteDb } from '#core/db/handles';
import { settings } from '#core/db/schema';

export const defaultSettings: Settings = {
  language: null,
  theme: 'auto',
  defaultCountry: 'UA',
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
export function readSettings(db: ReadDb): { settings: Settings; invalidKeys: string[] } {
  const merged: Record<string, unknown> = { ...defaultSettings };
  const invalidKeys: string[] = [];
  for (const row of db.select().from(settings).all()) {
    if (!(row.key in defaultSettings)) continue;
    const candidate = { ...defaultSettings, [row.key]: safeJson(row.value) };
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    // Unparseable JSON is reported through invalidKeys by the schema check that follows.
    return undefined;
  }
}

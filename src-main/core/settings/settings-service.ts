import type { Settings, SettingsPatch } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import type { AppDatabase } from '#core/db/connection';
import type { Logger } from '#core/shared/logger';
import { readSettings, writeSettings } from './settings-store';

/** Settings with change notification, so every window (and the tray) follows a change at once. */
export class SettingsService {
  constructor(
    private readonly database: AppDatabase,
    private readonly events: EventBus,
    private readonly logger: Logger,
    /** The operating system's locale: where a new workplace's working countries come from. */
    private readonly systemLocale: string | null = null,
  ) {}

  get(): Settings {
    const { settings, invalidKeys } = readSettings(this.database.read, this.systemLocale);
    if (invalidKeys.length > 0) this.logger.warn('Stored settings out of shape; defaults used', { keys: invalidKeys });
    return settings;
  }

  update(patch: SettingsPatch): Settings {
    this.database.write((tx) => writeSettings(tx, patch));
    const next = this.get();
    this.events.emit('settings.changed', next);
    return next;
  }
}

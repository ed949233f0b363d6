import { defineHandlers } from '#core/api/registry';
import type { SettingsService } from './settings-service';

export function settingsHandlers(settings: SettingsService) {
  return defineHandlers({
    'settings.get': () => settings.get(),
    'settings.update': (patch) => settings.update(patch),
  });
}

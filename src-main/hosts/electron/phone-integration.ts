import { app, globalShortcut } from 'electron';
import { phoneShortcutActions, type PhonePreferences } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import type { Logger } from '#core/shared/logger';
import { dialTargetInArgs, dialTargetOf } from '#core/telephony/dial-link';

/**
 * The desktop app's phone integration with the system: it is the handler of tel:, callto: and
 * sip: links (a second launch with a number hands it to the running instance) and its phone
 * shortcuts work from any program. Both end as events the window acts on.
 */
export function wirePhoneIntegration(options: {
  events: EventBus;
  logger: Logger;
  preferences: () => PhonePreferences;
  showWindow: () => void;
}): () => void {
  const { events, logger } = options;
  for (const scheme of ['tel', 'callto', 'sip']) {
    if (!app.isDefaultProtocolClient(scheme)) app.setAsDefaultProtocolClient(scheme);
  }
  const dial = (target: string) => {
    options.showWindow();
    events.emit('phone.dialRequest', { target });
  };
  const onSecondInstance = (_event: unknown, argv: string[]) => {
    const target = dialTargetInArgs(argv);
    if (target) dial(target);
  };
  const onOpenUrl = (event: { preventDefault: () => void }, url: string) => {
    event.preventDefault();
    const target = dialTargetOf(url);
    if (target) dial(target);
  };
  app.on('second-instance', onSecondInstance);
  app.on('open-url', onOpenUrl);
  const first = dialTargetInArgs(process.argv);
  // The window subscribes a moment after it loads; a link that started the app waits for it.
  if (first) setTimeout(() => dial(first), 3_000);

  const register = () => {
    globalShortcut.unregisterAll();
    const shortcuts = options.preferences().shortcuts;
    for (const action of phoneShortcutActions) {
      const accelerator = shortcuts[action];
      const registered = globalShortcut.register(accelerator, () => events.emit('phone.shortcut', { action }));
      if (!registered) logger.warn('A phone shortcut is taken by another program', { action, accelerator });
    }
  };
  register();
  const stopSettings = events.on('settings.changed', register);

  return () => {
    stopSettings();
    globalShortcut.unregisterAll();
    app.off('second-instance', onSecondInstance);
    app.off('open-url', onOpenUrl);
  };
}

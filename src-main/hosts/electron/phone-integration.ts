import { app, globalShortcut } from 'electron';
import { phoneShortcutActions, type PhonePreferences } from '#contract';
import type { EventBus } from '#core/api/event-bus';
import type { Logger } from '#core/shared/logger';
import { dialLinkInArgs, readDialLink, type DialLink } from '#core/telephony/dial-link';

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
  /** A readable link is dialled; an unreadable one is shown as such, and the window works on. */
  const follow = (link: DialLink) => {
    if (link.kind === 'none') return;
    options.showWindow();
    if (link.kind === 'target') events.emit('phone.dialRequest', { target: link.target });
    else {
      logger.warn('A phone link could not be read', { link: link.link, reason: link.reason });
      events.emit('phone.unreadableLink', { link: link.link, reason: link.reason });
    }
  };
  const onSecondInstance = (_event: unknown, argv: string[]) => follow(dialLinkInArgs(argv));
  const onOpenUrl = (event: { preventDefault: () => void }, url: string) => {
    event.preventDefault();
    follow(readDialLink(url));
  };
  app.on('second-instance', onSecondInstance);
  app.on('open-url', onOpenUrl);
  const first = dialLinkInArgs(process.argv);
  // The window subscribes a moment after it loads; a link that started the app waits for it.
  if (first.kind !== 'none') setTimeout(() => follow(first), 3_000);

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

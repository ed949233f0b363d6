import { Notification, type BrowserWindow } from 'electron';
import type { EventBus } from '#core/api/event-bus';

/**
 * OS notifications for what must not be missed while the operator is in another program:
 * a ringing call and a due reminder. When the workplace is in front, it shows them itself.
 */
export function wireNotifications(events: EventBus, window: () => BrowserWindow | undefined): () => void {
  const notify = (title: string, body: string) => {
    const current = window();
    if (current && current.isFocused()) return;
    const notification = new Notification({ title, body, silent: false });
    notification.on('click', () => {
      const target = window();
      target?.show();
      target?.focus();
    });
    notification.show();
  };
  const stops = [
    events.on('call.ringing', ({ call }) =>
      notify(call.contact?.fullName ?? call.remoteName ?? call.remoteNumber, [call.remoteNumber, call.contact?.companyName].filter(Boolean).join(' · ')),
    ),
    events.on('reminder.due', (reminder) =>
      notify(reminder.title, new Date(reminder.startsAt).toLocaleString() + (reminder.contactName ? ` · ${reminder.contactName}` : '')),
    ),
  ];
  return () => stops.forEach((stop) => stop());
}

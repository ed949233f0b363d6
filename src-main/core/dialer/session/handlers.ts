import { defineHandlers } from '#core/api/registry';
import type { DialerSessions } from './dialer-sessions';

/** The operator's commands in a campaign session. */
export function dialerHandlers(sessions: DialerSessions) {
  return defineHandlers({
    'dialer.session': () => sessions.view,
    'dialer.join': ({ campaignId }) => sessions.join(campaignId),
    'dialer.ready': () => sessions.ready(),
    'dialer.pause': ({ reason }) => sessions.pause(reason),
    'dialer.leave': () => {
      sessions.leave();
      return { ok: true as const };
    },
    'dialer.dial': () => sessions.dial(),
    'dialer.skip': ({ reason }) => sessions.skip(reason),
    'dialer.dispose': ({ dispositionId, callbackAt, note }) => sessions.setDisposition(dispositionId, callbackAt, note),
  });
}

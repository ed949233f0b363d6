import { useCallback, useState } from 'react';
import type { OperatorSession } from '#contract';
import { useEvent, useQuery } from '#renderer/api/client';

export interface DialerSessionState {
  /** The session this workstation runs (null: none; undefined: not known yet). */
  session: OperatorSession | null | undefined;
  /** Shows the session a command answered with at once (its event follows). */
  show: (session: OperatorSession | null) => void;
}

/** The operator's campaign session as main last said: asked for once, then followed by its `dialer.session` event. */
export function useDialerSession(): DialerSessionState {
  const initial = useQuery('dialer.session', {});
  const [pushed, setPushed] = useState<{ session: OperatorSession | null } | null>(null);
  const show = useCallback((session: OperatorSession | null) => setPushed({ session }), []);
  useEvent('dialer.session', show);
  return { session: pushed ? pushed.session : initial.data, show };
}

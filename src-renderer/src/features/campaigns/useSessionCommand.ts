import { useCallback } from 'react';
import type { MethodInput, OperatorSession } from '#contract';
import { act } from '#renderer/api/actions';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

type SessionMethod = 'dialer.ready' | 'dialer.pause' | 'dialer.dial' | 'dialer.skip';

/** Runs a command; true when main carried it out. */
export type SessionCommand = <M extends SessionMethod>(method: M, input: MethodInput<M>) => Promise<boolean>;

/** Sends an operator's command to the session; its answer is shown at once, a refusal as a notice in the operator's language. */
export function useSessionCommand(show: (session: OperatorSession) => void): SessionCommand {
  const bridge = useBridge();
  const errorText = useErrorText();
  return useCallback(
    async (method, input) => {
      const session = await act(bridge, method, input, errorText);
      if (session) show(session);
      return session !== undefined;
    },
    [bridge, errorText, show],
  );
}

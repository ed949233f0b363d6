import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result, ScriptRunState } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { notifications } from '@mantine/notifications';

export interface ScriptRun {
  /** The run as main last answered; null while starting or when the call has no script. */
  state: ScriptRunState | null;
  /** Picks the current node's answer by its place (0 for the first button, the key 1). */
  pick: (index: number) => void;
  back: () => void;
  objection: (nodeId: string) => void;
  /** Leaves the objection handler for the node the operator was on; the objection stays on the path. */
  leaveObjection: () => void;
}

/**
 * The script run of an answered call: started (or picked up again after a reload) once, then moved
 * one step per key or click. Steps go to main one after another, so keys pressed faster than main
 * answers still apply in order, each to the node the previous one led to; the state shown is the one main returns.
 */
export function useScriptRun(callId: string): ScriptRun {
  const bridge = useBridge();
  const errorText = useErrorText();
  const [state, setState] = useState<ScriptRunState | null>(null);
  const current = useRef<ScriptRunState | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());

  useEffect(() => {
    let live = true;
    // A call whose account (or campaign) has no script answers with an error: then there is simply no script.
    void bridge.invoke('scriptRuns.start', { callId }).then((result) => {
      if (!live || !result.ok) return;
      current.current = result.value;
      setState(result.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, callId]);

  const refused = useCallback((error: ApiError) => {
    notifications.show({ color: 'red', message: errorText(error) });
  }, [errorText]);

  // `step` makes the call to main for the run as it stands once the steps before have landed; null when it does not apply.
  const enqueue = useCallback(
    (step: (run: ScriptRunState) => Promise<Result<ScriptRunState>> | null) => {
      queue.current = queue.current.then(async () => {
        const run = current.current;
        const sent = run ? step(run) : null;
        if (!sent) return;
        const result = await sent;
        if (!result.ok) return refused(result.error);
        current.current = result.value;
        setState(current.current);
      });
    },
    [refused],
  );

  const pick = useCallback(
    (index: number) =>
      enqueue((run) => {
        const answer = run.node.answers[index];
        return answer ? bridge.invoke('scriptRuns.answer', { runId: run.runId, answerId: answer.id }) : null;
      }),
    [bridge, enqueue],
  );
  const back = useCallback(() => enqueue((run) => (run.canGoBack ? bridge.invoke('scriptRuns.back', { runId: run.runId }) : null)), [bridge, enqueue]);
  const objection = useCallback((nodeId: string) => enqueue((run) => bridge.invoke('scriptRuns.objection', { runId: run.runId, nodeId })), [bridge, enqueue]);
  const leaveObjection = useCallback(() => enqueue((run) => (run.returnTo !== null ? bridge.invoke('scriptRuns.return', { runId: run.runId }) : null)), [bridge, enqueue]);
  return { state, pick, back, objection, leaveObjection };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, Result, ScriptRunState } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';
import { notifications } from '@mantine/notifications';
import { guideIndex, predictAnswer } from './predict-step';

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

type Guide = ReturnType<typeof guideIndex>;

/**
 * The script run of an answered call: started (or picked up again after a reload) once, then moved
 * one step per key or click. Steps go to main one after another, so keys pressed faster than main
 * answers still apply in order, each to the node the previous one led to. An answer leading on to
 * another node is shown at once from the run's guide (the operator reads on while main stores the
 * move); once every move sent has been answered, the state shown is the one main returned.
 */
export function useScriptRun(callId: string): ScriptRun {
  const bridge = useBridge();
  const errorText = useErrorText();
  const [state, setState] = useState<ScriptRunState | null>(null);
  /** The run as main last answered. */
  const current = useRef<ScriptRunState | null>(null);
  /** The run as shown: main's, or ahead of it by answers foretold from the guide. */
  const shown = useRef<ScriptRunState | null>(null);
  const guide = useRef<Guide | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const pending = useRef(0);
  /** Every move waiting for main was foretold, so `shown` is where main is going. */
  const ahead = useRef(true);

  const show = useCallback((run: ScriptRunState | null) => {
    shown.current = run;
    setState(run);
  }, []);

  useEffect(() => {
    let live = true;
    // A call whose account (or campaign) has no script answers with an error: then there is simply no script.
    void bridge.invoke('scriptRuns.start', { callId }).then(async (result) => {
      if (!live || !result.ok) return;
      current.current = result.value;
      show(result.value);
      const fetched = await bridge.invoke('scriptRuns.guide', { runId: result.value.runId });
      if (live && fetched.ok) guide.current = guideIndex(fetched.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, callId, show]);

  const refused = useCallback((error: ApiError) => {
    notifications.show({ color: 'red', message: errorText(error) });
  }, [errorText]);

  /**
   * `step` makes the call to main for the run as it stands once the steps before have landed (null when it
   * does not apply); `foretold` is what the step will lead to, shown now, when the guide can tell.
   */
  const enqueue = useCallback(
    (step: (run: ScriptRunState) => Promise<Result<ScriptRunState>> | null, foretold: ScriptRunState | null = null) => {
      pending.current++;
      if (foretold && ahead.current) show(foretold);
      else ahead.current = false;
      queue.current = queue.current.then(async () => {
        try {
          const run = current.current;
          const sent = run ? step(run) : null;
          if (!sent) return;
          const result = await sent;
          if (!result.ok) return refused(result.error);
          current.current = result.value;
          if (!ahead.current) show(result.value);
        } finally {
          // Main has answered everything sent: what it said stands, foretold or not.
          if (--pending.current === 0) {
            ahead.current = true;
            if (shown.current !== current.current) show(current.current);
          }
        }
      });
    },
    [refused, show],
  );

  const pick = useCallback(
    (index: number) => {
      const from = shown.current;
      const foretold = from && guide.current ? predictAnswer(from, guide.current, index, Date.now()) : null;
      enqueue((run) => {
        const answer = run.node.answers[index];
        return answer ? bridge.invoke('scriptRuns.answer', { runId: run.runId, answerId: answer.id }) : null;
      }, foretold);
    },
    [bridge, enqueue],
  );
  const back = useCallback(() => enqueue((run) => (run.canGoBack ? bridge.invoke('scriptRuns.back', { runId: run.runId }) : null)), [bridge, enqueue]);
  const objection = useCallback((nodeId: string) => enqueue((run) => bridge.invoke('scriptRuns.objection', { runId: run.runId, nodeId })), [bridge, enqueue]);
  const leaveObjection = useCallback(() => enqueue((run) => (run.returnTo !== null ? bridge.invoke('scriptRuns.return', { runId: run.runId }) : null)), [bridge, enqueue]);
  return { state, pick, back, objection, leaveObjection };
}

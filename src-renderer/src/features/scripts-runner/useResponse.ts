import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AnswerValue, ResponseState } from '#contract';
import { useBridge } from '#renderer/api/client';
import { useErrorText } from '#renderer/ui/useErrorText';

/** Typing is saved this long after the last key, so a word is one write, not one per letter. */
const typingPause = 250;

export interface Response {
  state: ResponseState | undefined;
  /** What each input shows: the saved answers with what is still on its way to main laid over them. */
  values: Readonly<Record<string, AnswerValue>>;
  /** Saves an answer now (a choice, a date) or after a pause in typing (`typed`). */
  answer: (questionId: string, value: AnswerValue, typed?: boolean) => void;
  /** Sends any typing still waiting for its pause (before the wrap-up is asked for). */
  flush: () => Promise<void>;
  reload: () => void;
}

/**
 * A call's questionnaire response, saved answer by answer as the operator works. Saves go to main one
 * after another and the state main returns (visible questions, issues, missing required) is what is
 * shown; the inputs keep what the operator typed until main has it, so nothing typed flickers or is lost.
 */
export function useResponse(responseId: string | null): Response {
  const bridge = useBridge();
  const errorText = useErrorText();
  const [state, setState] = useState<ResponseState | undefined>();
  const [pending, setPending] = useState<Readonly<Record<string, AnswerValue>>>({});
  const [generation, setGeneration] = useState(0);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const timers = useRef(new Map<string, { timer: ReturnType<typeof setTimeout>; value: AnswerValue }>());

  useEffect(() => {
    if (!responseId) return;
    let live = true;
    void bridge.invoke('responses.get', { responseId }).then((result) => {
      if (live && result.ok) setState(result.value);
    });
    return () => {
      live = false;
    };
  }, [bridge, responseId, generation]);

  const save = useCallback(
    (questionId: string, value: AnswerValue) => {
      if (!responseId) return queue.current;
      queue.current = queue.current.then(async () => {
        const result = await bridge.invoke('responses.answer', { responseId, questionId, value });
        if (!result.ok) {
          notifications.show({ color: 'red', message: errorText(result.error) });
          return;
        }
        setState(result.value);
        // Only the value this save carried is settled; a newer one typed meanwhile stays on top.
        setPending((p) => {
          if (!(questionId in p) || p[questionId] !== value || timers.current.has(questionId)) return p;
          return Object.fromEntries(Object.entries(p).filter(([id]) => id !== questionId));
        });
      });
      return queue.current;
    },
    [bridge, errorText, responseId],
  );

  const answer = useCallback(
    (questionId: string, value: AnswerValue, typed = false) => {
      setPending((p) => ({ ...p, [questionId]: value }));
      const waiting = timers.current.get(questionId);
      if (waiting) clearTimeout(waiting.timer);
      timers.current.delete(questionId);
      if (!typed) {
        void save(questionId, value);
        return;
      }
      const timer = setTimeout(() => {
        timers.current.delete(questionId);
        void save(questionId, value);
      }, typingPause);
      timers.current.set(questionId, { timer, value });
    },
    [save],
  );

  const flush = useCallback(async () => {
    for (const [questionId, { timer, value }] of [...timers.current]) {
      clearTimeout(timer);
      timers.current.delete(questionId);
      void save(questionId, value);
    }
    await queue.current;
  }, [save]);

  // Typing not yet sent when the panel goes (the call ended, the window closes) is sent at once.
  useEffect(() => {
    const pagehide = () => void flush();
    window.addEventListener('pagehide', pagehide);
    return () => {
      window.removeEventListener('pagehide', pagehide);
      void flush();
    };
  }, [flush]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { state, values: { ...state?.answers, ...pending }, answer, flush, reload };
}

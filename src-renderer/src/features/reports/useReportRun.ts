import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiError, ReportKind, ReportRequestInput, ReportResult } from '#contract';
import { useBridge, useEvent } from '#renderer/api/client';

export type ReportRunState =
  | { status: 'idle' }
  | { status: 'running'; jobId: string; startedAt: number; progress: { done: number; total: number } | null }
  | { status: 'done'; result: ReportResult }
  | { status: 'failed'; error: ApiError }
  | { status: 'cancelled' };

/**
 * Runs reports in main's query worker under a job id of our choosing, so a run can be cancelled: by the
 * operator, or by a newer run (only the newest answer is ever shown). Leaving the screen cancels too.
 */
export function useReportRun() {
  const bridge = useBridge();
  const [state, setState] = useState<ReportRunState>({ status: 'idle' });
  // Each report's views as it last answered: the view picker keeps them while the next run counts.
  const [views, setViews] = useState<Partial<Record<ReportKind, string[]>>>({});
  const current = useRef<string | null>(null);

  const stop = useCallback(() => {
    const jobId = current.current;
    current.current = null;
    if (jobId) void bridge.invoke('reports.cancel', { jobId });
  }, [bridge]);

  const run = useCallback(
    (request: ReportRequestInput) => {
      stop();
      const jobId = crypto.randomUUID();
      current.current = jobId;
      setState({ status: 'running', jobId, startedAt: Date.now(), progress: null });
      bridge.invoke('reports.run', { jobId, request }).then(
        (answer) => {
          if (current.current !== jobId) return;
          current.current = null;
          setState(answer.ok ? { status: 'done', result: answer.value } : { status: 'failed', error: answer.error });
          if (answer.ok) setViews((known) => ({ ...known, [answer.value.report]: answer.value.views }));
        },
        (error: unknown) => {
          if (current.current !== jobId) return;
          current.current = null;
          setState({ status: 'failed', error: { code: 'unavailable', message: String(error) } });
        },
      );
    },
    [bridge, stop],
  );

  const cancel = useCallback(() => {
    stop();
    setState({ status: 'cancelled' });
  }, [stop]);

  // Main tells how many parts of the running report are counted (one query per kind of record).
  useEvent('report.progress', ({ jobId, done, total }) => {
    setState((now) => (now.status === 'running' && now.jobId === jobId ? { ...now, progress: { done, total } } : now));
  });

  useEffect(() => stop, [stop]);
  return { state, views, run, cancel };
}

/** Seconds since a moment, ticking once a second while `active`. */
export function useElapsedSeconds(since: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (since === null) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [since]);
  return since === null ? 0 : Math.max(0, Math.floor((now - since) / 1000));
}

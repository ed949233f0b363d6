import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ApiError, CrmBridge, EventName, EventPayload, MethodInput, MethodName, MethodOutput } from '#contract';

/** A failed call, carrying the contract's error so screens can show the translated reason. */
export class ApiCallError extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
  }
}

export const BridgeContext = createContext<CrmBridge | null>(null);

export function useBridge(): CrmBridge {
  const bridge = useContext(BridgeContext);
  if (!bridge) throw new Error('useBridge() outside <BridgeContext.Provider>');
  return bridge;
}

/** Calls a method and returns its value, or throws ApiCallError. */
export async function call<M extends MethodName>(bridge: CrmBridge, method: M, input: MethodInput<M>): Promise<MethodOutput<M>> {
  const result = await bridge.invoke(method, input);
  if (!result.ok) throw new ApiCallError(result.error);
  return result.value;
}

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads a method's answer and reloads it when `input` changes (compared by value).
 * Answers that arrive out of order are dropped, so typing fast never shows stale rows.
 */
export function useQuery<M extends MethodName>(method: M, input: MethodInput<M>, enabled = true): QueryState<MethodOutput<M>> {
  const bridge = useBridge();
  const key = JSON.stringify(input);
  const [generation, setGeneration] = useState(0);
  const requestKey = `${method}:${key}#${generation}`;
  // The last answer and the request it answers; the previous page stays visible while the next loads.
  const [answer, setAnswer] = useState<{ requestKey?: string; data?: MethodOutput<M>; error?: ApiError }>({});

  useEffect(() => {
    if (!enabled) return;
    let current = true;
    bridge
      .invoke(method, JSON.parse(key) as MethodInput<M>)
      .then((result) => {
        if (current) setAnswer(result.ok ? { requestKey, data: result.value } : { requestKey, error: result.error });
      })
      .catch((error: unknown) => {
        if (current) setAnswer({ requestKey, error: { code: 'unavailable', message: String(error) } });
      });
    return () => {
      current = false;
    };
  }, [bridge, method, key, requestKey, enabled]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { data: answer.data, error: answer.requestKey === requestKey ? answer.error : undefined, loading: answer.requestKey !== requestKey, reload };
}

export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): void {
  const bridge = useBridge();
  const current = useRef(listener);
  useLayoutEffect(() => {
    current.current = listener;
  });
  useEffect(() => bridge.subscribe(event, (payload) => current.current(payload)), [bridge, event]);
}

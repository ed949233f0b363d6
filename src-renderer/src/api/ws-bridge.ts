import {
  isEventName,
  type CrmBridge,
  type EventName,
  type EventPayload,
  type MethodInput,
  type MethodName,
  type MethodOutput,
  type Result,
  type WireMessage,
  type WireRequest,
} from '#contract';

type Pending = { resolve: (result: Result<unknown>) => void };
type Listener = (payload: unknown) => void;

/**
 * The browser host's transport: the contract over a WebSocket to 127.0.0.1.
 * Requests made while (re)connecting wait for the socket; a dropped socket reconnects with
 * backoff and answers the requests it lost with `unavailable`, so no caller waits forever.
 */
export function createWsBridge(socketUrl: string, onConnectionChange?: (connected: boolean) => void): CrmBridge {
  let socket: WebSocket | undefined;
  let nextId = 1;
  let retryMs = 250;
  const pending = new Map<number, Pending>();
  const queue: WireRequest[] = [];
  const listeners = new Map<EventName, Set<Listener>>();

  const connect = () => {
    const ws = new WebSocket(socketUrl);
    socket = ws;
    ws.onopen = () => {
      retryMs = 250;
      onConnectionChange?.(true);
      for (const request of queue.splice(0)) ws.send(JSON.stringify(request));
    };
    ws.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as WireMessage;
      if (frame.type === 'result') {
        pending.get(frame.id)?.resolve(frame.result);
        pending.delete(frame.id);
      } else if (isEventName(frame.event)) {
        for (const listener of listeners.get(frame.event) ?? []) listener(frame.payload);
      }
    };
    ws.onclose = () => {
      onConnectionChange?.(false);
      for (const [id, request] of pending) {
        request.resolve({ ok: false, error: { code: 'unavailable', message: 'The connection to the workstation was lost' } });
        pending.delete(id);
      }
      setTimeout(connect, retryMs);
      retryMs = Math.min(retryMs * 2, 5_000);
    };
  };
  connect();

  return {
    invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>> {
      const request: WireRequest = { id: nextId++, method, input };
      return new Promise((resolve) => {
        pending.set(request.id, { resolve: resolve as Pending['resolve'] });
        if (socket?.readyState === WebSocket.OPEN) socket.send(JSON.stringify(request));
        else queue.push(request);
      });
    },
    subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
      const set = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, set);
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}

/** The socket address for a page served by the browser host: same host, `/api`, the page's token. */
export function socketUrlFor(location: Location): string | null {
  const token = new URLSearchParams(location.search).get('token');
  if (!token) return null;
  return `ws://${location.host}/api?token=${encodeURIComponent(token)}`;
}

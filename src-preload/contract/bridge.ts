import type { Result } from './errors';
import type { EventName, EventPayload } from './events';
import type { MethodInput, MethodName, MethodOutput } from './methods';

/**
 * The whole surface the renderer sees, whatever carries it (Electron IPC or the browser host's WebSocket).
 */
export interface CrmBridge {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** Channel names used by the Electron preload and main; nothing else crosses IPC. */
export const ipcChannels = {
  invoke: 'crm:invoke',
  event: 'crm:event',
} as const;

/**
 * Frames on the browser host's WebSocket. Requests carry an id so answers can arrive out of order.
 */
export type WireRequest = { id: number; method: string; input: unknown };
export type WireMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

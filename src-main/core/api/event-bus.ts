import { events, type EventName, type EventPayload } from '#contract';
import { BugError } from '#core/shared/errors';

type AnyListener = (event: EventName, payload: unknown) => void;

/**
 * Main's side of the pushed events. Payloads are checked against the contract when emitted,
 * so a host never forwards a shape the renderer does not expect.
 */
export class EventBus {
  private readonly listeners = new Set<AnyListener>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const checked = events[event].safeParse(payload);
    if (!checked.success) throw new BugError(`Event ${event} emitted outside the contract: ${checked.error.message}`);
    for (const listener of [...this.listeners]) listener(event, checked.data);
  }

  /** Receives every event; hosts forward them to windows or sockets. */
  onAny(listener: AnyListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.onAny((name, payload) => {
      if (name === event) listener(payload as EventPayload<E>);
    });
  }
}

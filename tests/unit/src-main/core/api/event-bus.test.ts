import { describe, expect, it } from 'vitest';
import { EventBus } from '#core/api/event-bus';
import { BugError } from '#core/shared/errors';

describe('EventBus', () => {
  it('delivers a valid event to the listeners of its name and to catch-all listeners', () => {
    const bus = new EventBus();
    const named: unknown[] = [];
    const all: string[] = [];
    bus.on('phone.status', (status) => named.push(status));
    bus.onAny((name) => all.push(name));
    bus.emit('phone.status', { registration: 'registering' });
    bus.emit('calendar.changed', { source: 'sync' });
    expect(named).toEqual([{ registration: 'registering' }]);
    expect(all).toEqual(['phone.status', 'calendar.changed']);
  });

  it('refuses to emit a payload outside the contract', () => {
    const bus = new EventBus();
    expect(() => bus.emit('phone.status', { registration: 'maybe' } as never)).toThrow(BugError);
  });

  it('stops delivering after unsubscribe', () => {
    const bus = new EventBus();
    const seen: unknown[] = [];
    const stop = bus.on('phone.status', (s) => seen.push(s));
    stop();
    bus.emit('phone.status', { registration: 'offline' });
    expect(seen).toEqual([]);
  });
});

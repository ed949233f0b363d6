import { describe, expect, it } from 'vitest';
import { DisposableStore } from '#core/shared/disposable';

describe('DisposableStore', () => {
  it('releases in reverse order of creation, once', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.defer(() => void order.push('database'));
    store.defer(() => void order.push('socket'));
    await store.dispose();
    await store.dispose();
    expect(order).toEqual(['socket', 'database']);
  });

  it('releases everything even when one item fails, then reports the failure', async () => {
    const order: string[] = [];
    const store = new DisposableStore();
    store.defer(() => void order.push('first'));
    store.defer(() => {
      throw new Error('boom');
    });
    await expect(store.dispose()).rejects.toThrow(AggregateError);
    expect(order).toEqual(['first']);
  });
});

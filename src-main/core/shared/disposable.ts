/** Anything that listens, ticks or holds a socket, file or thread. */
export interface Disposable {
  dispose(): void | Promise<void>;
}

/**
 * Owns a service's resources and releases them in reverse order of creation,
 * so a socket is closed before the database it writes to.
 */
export class DisposableStore implements Disposable {
  private readonly items: Disposable[] = [];
  private disposed = false;

  add<T extends Disposable>(item: T): T {
    if (this.disposed) {
      void item.dispose();
      throw new Error('DisposableStore is already disposed; the new item was released at once.');
    }
    this.items.push(item);
    return item;
  }

  /** Registers a plain cleanup function. */
  defer(cleanup: () => void | Promise<void>): void {
    this.add({ dispose: cleanup });
  }

  async dispose(): Promise<void> {
    if (this.disposed) return;
    this.disposed = true;
    const failures: unknown[] = [];
    for (const item of this.items.reverse()) {
      try {
        await item.dispose();
      } catch (error) {
        failures.push(error);
      }
    }
    this.items.length = 0;
    if (failures.length > 0) throw new AggregateError(failures, 'Some resources failed to dispose');
  }
}

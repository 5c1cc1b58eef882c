/**
 * One router change per customer at a time. An isolation still talking to a slow router and the
 * reconnection asked for a moment later must not race: the later one would land first and the
 * earlier one would undo it. One process owns the database, so a lock in memory is enough.
 */
export class CustomerLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const next = previous.then(work, work);
    const tail = next.catch(() => undefined);
    this.tails.set(key, tail);
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return next;
  }
}

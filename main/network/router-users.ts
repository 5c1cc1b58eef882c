/** How many customers each of a tenant's routers serves (every status), by router id. */
export type RouterUseCount = (tenantId: string) => ReadonlyMap<string, number>;

const NONE: ReadonlyMap<string, number> = new Map();

/**
 * Who uses a router. Network is composed before the modules whose rows point at routers
 * (customers), so they fill this port at composition and network never reads their tables.
 */
export class RouterUsers {
  private readonly sources: RouterUseCount[] = [];

  provide(count: RouterUseCount): void {
    this.sources.push(count);
  }

  counts(tenantId: string): ReadonlyMap<string, number> {
    if (this.sources.length === 0) return NONE;
    const total = new Map<string, number>();
    for (const source of this.sources) for (const [id, n] of source(tenantId)) total.set(id, (total.get(id) ?? 0) + n);
    return total;
  }
}

import type { LimitKey } from '../../shared/domain/plans.js';

/**
 * Each module counts what it owns (customers, routers, users); the tenant module asks them here
 * instead of reading their tables.
 */
export class UsageRegistry {
  private readonly counters = new Map<LimitKey, (tenantId: string) => number>();

  register(key: LimitKey, count: (tenantId: string) => number): void {
    this.counters.set(key, count);
  }

  count(key: LimitKey, tenantId: string): number {
    return this.counters.get(key)?.(tenantId) ?? 0;
  }
}

import { PostgresRadiusStore } from '../executors/radius/postgres-radius-store.js';
import type { RadiusStore } from '../executors/radius/radius-store.js';
import { SqliteRadiusStore } from '../executors/radius/sqlite-radius-store.js';
import type { RadiusDbConfig } from './radius-database-settings.js';

/** A store on the database a setting names, not yet connected (both stores connect on first use). */
export function storeFor(config: RadiusDbConfig): RadiusStore {
  if (config.kind === 'sqlite') return new SqliteRadiusStore(config.path);
  const { kind: _kind, ...login } = config;
  return new PostgresRadiusStore(login);
}

/**
 * Each tenant's RADIUS store, made from its setting when isolir first needs it and kept (a pool of
 * connections is worth keeping). A saved change drops the tenant's store, so the next request
 * connects with the new setting: no restart. A request that was using the old store at that moment
 * fails retryably and goes again on the new one.
 */
export class RadiusStores {
  private readonly stores = new Map<string, RadiusStore>();

  constructor(private readonly config: (tenantId: string) => RadiusDbConfig | null) {}

  forTenant(tenantId: string): RadiusStore | null {
    const open = this.stores.get(tenantId);
    if (open) return open;
    const config = this.config(tenantId);
    if (!config) return null;
    const store = storeFor(config);
    this.stores.set(tenantId, store);
    return store;
  }

  /** The setting changed: the old store lets go of its database in the background. */
  forget(tenantId: string): void {
    const store = this.stores.get(tenantId);
    this.stores.delete(tenantId);
    void store?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const stores = [...this.stores.values()];
    this.stores.clear();
    await Promise.allSettled(stores.map((s) => s.close()));
  }
}

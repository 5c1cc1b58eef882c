import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { isoAt } from '../platform/index.js';

/** Numbers that asked not to be messaged: honoured by every send and by broadcast filters (seed 000). */
export class OptOuts {
  private readonly cache = new Map<string, Set<string>>();

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  has(tenantId: string, phone: string): boolean {
    return this.all(tenantId).has(phone);
  }

  /** Checked for every message, changed by a person now and then: kept in memory per tenant. */
  all(tenantId: string): Set<string> {
    let phones = this.cache.get(tenantId);
    if (!phones) {
      phones = new Set(this.db.prepare('SELECT phone FROM wa_opt_outs WHERE tenant_id = ?').pluck().all(tenantId) as string[]);
      this.cache.set(tenantId, phones);
    }
    return phones;
  }

  set(tenantId: string, phone: string, optedOut: boolean, reason: string): void {
    this.cache.delete(tenantId);
    if (!optedOut) {
      this.db.prepare('DELETE FROM wa_opt_outs WHERE tenant_id = ? AND phone = ?').run(tenantId, phone);
      return;
    }
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO wa_opt_outs (id, tenant_id, phone, reason, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (tenant_id, phone) DO UPDATE SET reason = excluded.reason, updated_at = excluded.updated_at`)
      .run(this.ids.next(), tenantId, phone, reason, now, now);
  }

  list(tenantId: string): { phone: string; reason: string; createdAt: string }[] {
    return this.db
      .prepare('SELECT phone, reason, created_at AS createdAt FROM wa_opt_outs WHERE tenant_id = ? ORDER BY created_at DESC')
      .all(tenantId) as { phone: string; reason: string; createdAt: string }[];
  }
}

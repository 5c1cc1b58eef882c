import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import { notFound, type Clock, type IdGenerator } from '../platform/index.js';
import type { Exemption } from '../../shared/domain/billing-loop.js';

interface ExemptionRow {
  customer_id: string;
  reason: string;
  set_by: string;
  set_at: number;
}

/**
 * Customers auto-isolir leaves alone: the owner's family, the village office that hosts the
 * router. A person decides it, so who, when and why are kept; clearing ends the row rather than
 * deleting it, so the customer's history still says it was once set.
 */
export class Exemptions {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly customers: CustomersService,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.stmt = {
      current: db.prepare('SELECT customer_id, reason, set_by, set_at FROM billing_exemptions WHERE tenant_id = ? AND cleared_at IS NULL ORDER BY set_at DESC, id DESC'),
      currentIds: db.prepare('SELECT customer_id FROM billing_exemptions WHERE tenant_id = ? AND cleared_at IS NULL').pluck(),
      clear: db.prepare('UPDATE billing_exemptions SET cleared_by = ?, cleared_at = ? WHERE tenant_id = ? AND customer_id = ? AND cleared_at IS NULL'),
      insert: db.prepare(`INSERT INTO billing_exemptions (id, tenant_id, customer_id, reason, set_by, set_at)
        VALUES (@id, @tenantId, @customerId, @reason, @by, @now)`),
    };
  }

  list(tenantId: string): Exemption[] {
    return this.views(tenantId, this.stmt.current.all(tenantId) as ExemptionRow[]);
  }

  /** The customers exempt now, for the daily scan. */
  exempt(tenantId: string): Set<string> {
    return new Set(this.stmt.currentIds.all(tenantId) as string[]);
  }

  /** A new reason replaces the old one; the old one stays in the history as cleared by this person. */
  set(tenantId: string, customerId: string, reason: string, by: string): Exemption {
    if (!this.customers.find(tenantId, customerId)) throw notFound();
    const now = this.clock.now();
    this.db
      .transaction(() => {
        this.stmt.clear.run(by, now, tenantId, customerId);
        this.stmt.insert.run({ id: this.ids.next(), tenantId, customerId, reason, by, now });
        this.bus.publish('isolir_exemption_changed', tenantId, { customerId });
      })
      .immediate();
    return this.views(tenantId, [{ customer_id: customerId, reason, set_by: by, set_at: now }])[0] as Exemption;
  }

  clear(tenantId: string, customerId: string, by: string): { cleared: boolean } {
    return this.db
      .transaction(() => {
        const cleared = this.stmt.clear.run(by, this.clock.now(), tenantId, customerId).changes === 1;
        if (cleared) this.bus.publish('isolir_exemption_changed', tenantId, { customerId });
        return { cleared };
      })
      .immediate();
  }

  private views(tenantId: string, rows: readonly ExemptionRow[]): Exemption[] {
    const names = this.customers.labels(tenantId, rows.map((r) => r.customer_id));
    return rows.map((r) => ({
      customerId: r.customer_id,
      customerName: names.get(r.customer_id)?.name ?? null,
      customerCode: names.get(r.customer_id)?.code ?? null,
      reason: r.reason,
      setBy: r.set_by,
      setAt: new Date(r.set_at).toISOString(),
    }));
  }
}

import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { conflict, isoAt, notFound } from '../platform/index.js';
import type { Package } from '../../shared/domain/package.js';

interface PackageRow {
  id: string;
  name: string;
  price: number;
  router_profile: string;
  rate_limit: string;
  active: number;
  customer_count: number;
  created_at: string;
  updated_at: string;
}

const toPackage = (r: PackageRow): Package => ({
  id: r.id,
  name: r.name,
  price: r.price,
  routerProfile: r.router_profile,
  rateLimit: r.rate_limit,
  active: r.active === 1,
  customerCount: r.customer_count,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const SELECT = `SELECT p.*, (SELECT COUNT(*) FROM customers c WHERE c.tenant_id = p.tenant_id AND c.package_id = p.id AND c.status <> 'inactive') AS customer_count
  FROM packages p`;

export interface PackageInput {
  name: string;
  price: number;
  routerProfile: string;
  rateLimit: string;
  active: boolean;
}

/** Internet packages ("paket"): the price a customer pays and the router profile that enforces it. */
export class PackagesService {
  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  list(tenantId: string, includeInactive: boolean): Package[] {
    const rows = this.db
      .prepare(`${SELECT} WHERE p.tenant_id = ? ${includeInactive ? '' : 'AND p.active = 1'} ORDER BY p.price, p.name`)
      .all(tenantId) as PackageRow[];
    return rows.map(toPackage);
  }

  get(tenantId: string, id: string): Package {
    const row = this.db.prepare(`${SELECT} WHERE p.tenant_id = ? AND p.id = ?`).get(tenantId, id) as PackageRow | undefined;
    if (!row) throw notFound();
    return toPackage(row);
  }

  create(tenantId: string, input: PackageInput): Package {
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db.transaction(() => {
      this.assertNameFree(tenantId, input.name, null);
      this.db
        .prepare(`INSERT INTO packages (id, tenant_id, name, price, router_profile, rate_limit, active, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(id, tenantId, input.name, input.price, input.routerProfile, input.rateLimit, Number(input.active), now, now);
      this.bus.publish('package_changed', tenantId, { packageId: id });
    })();
    return this.get(tenantId, id);
  }

  update(tenantId: string, id: string, patch: Partial<PackageInput>): Package {
    this.db.transaction(() => {
      const current = this.get(tenantId, id);
      if (patch.name !== undefined) this.assertNameFree(tenantId, patch.name, id);
      const next = { ...current, ...patch };
      this.db
        .prepare(`UPDATE packages SET name = ?, price = ?, router_profile = ?, rate_limit = ?, active = ?, updated_at = ? WHERE id = ?`)
        .run(next.name, next.price, next.routerProfile, next.rateLimit, Number(next.active), isoAt(this.clock), id);
      this.bus.publish('package_changed', tenantId, { packageId: id });
    })();
    return this.get(tenantId, id);
  }

  /** Whether new customers may be put on this package (an inactive one is kept for history only). */
  isActive(tenantId: string, id: string): boolean | null {
    const active = this.db.prepare('SELECT active FROM packages WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as
      | number
      | undefined;
    return active === undefined ? null : active === 1;
  }

  /**
   * The package's PPP profile (or RADIUS group) alone, for the router paths that run per customer
   * (provisioning's every change, isolir's reconnect): `get` also counts the package's customers,
   * a scan that made seeding 50,000 customers' syncs take minutes.
   */
  routerProfile(tenantId: string, id: string): string {
    const profile = this.db.prepare('SELECT router_profile FROM packages WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as string | undefined;
    if (profile === undefined) throw notFound();
    return profile;
  }

  private assertNameFree(tenantId: string, name: string, exceptId: string | null): void {
    const clash = this.db
      .prepare('SELECT id FROM packages WHERE tenant_id = ? AND lower(name) = lower(?)')
      .pluck()
      .get(tenantId, name) as string | undefined;
    if (clash && clash !== exceptId) throw conflict('name', 'conflicts.packageName');
  }
}

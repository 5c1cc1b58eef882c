import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, isoAt, notFound } from '../platform/index.js';
import {
  LIMIT_KEYS,
  effectiveFeatures,
  effectiveLimits,
  type Addon,
  type Feature,
  type LimitKey,
  type Limits,
  type Plan,
} from '../../shared/domain/plans.js';
import type { Tenant, TenantStatus } from '../../shared/domain/tenant.js';
import type { TimeZone } from '../../shared/util/time.js';
import type { UsageRegistry } from '../module-kit/index.js';

interface TenantRow {
  id: string;
  name: string;
  timezone: TimeZone;
  plan: Plan;
  addons: string;
  status: TenantStatus;
}

export interface TenantAccess {
  status: TenantStatus;
  features: readonly Feature[];
  limits: Limits;
}

export class TenantService {
  private rowStatement: ReturnType<Db['prepare']> | null = null;
  /**
   * Read for every contract call and every WhatsApp message, written almost never, and only
   * through this service: kept in memory, dropped on each write.
   */
  private readonly rows = new Map<string, TenantRow>();

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly usage: UsageRegistry,
  ) {}

  /** A new install's tenant: plan basic until the cloud says otherwise (sync). Call inside a transaction. */
  create(input: { name: string; timezone: TimeZone; plan?: Plan; addons?: Addon[] }): string {
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO tenants (id, tenant_id, name, timezone, plan, addons, status, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 'active', ?, ?)`)
      .run(id, id, input.name, input.timezone, input.plan ?? 'basic', JSON.stringify(input.addons ?? []), now, now);
    return id;
  }

  /** A console install serves one ISP: the first tenant made on it, or null before first run. */
  primaryId(): string | null {
    return (this.db.prepare('SELECT id FROM tenants ORDER BY id LIMIT 1').pluck().get() as string | undefined) ?? null;
  }

  /** Every tenant with its zone: what the scheduler needs for "daily at HH:MM in the tenant's zone". */
  zones(): { id: string; zone: TimeZone }[] {
    return (this.db.prepare('SELECT id, timezone FROM tenants ORDER BY id').all() as { id: string; timezone: TimeZone }[]).map((r) => ({ id: r.id, zone: r.timezone }));
  }

  get(tenantId: string): Tenant {
    const row = this.row(tenantId);
    const addons = JSON.parse(row.addons) as Addon[];
    const usage = Object.fromEntries(LIMIT_KEYS.map((k) => [k, this.usage.count(k, tenantId)])) as Record<LimitKey, number>;
    return {
      id: row.id,
      name: row.name,
      timezone: row.timezone,
      plan: row.plan,
      addons,
      status: row.status,
      features: effectiveFeatures(row.plan, addons),
      limits: effectiveLimits(row.plan, addons),
      usage,
    };
  }

  /** The tenant's zone, for scheduling and formatting: cheap, unlike get(). */
  zone(tenantId: string): TimeZone {
    return this.row(tenantId).timezone;
  }

  /** The ISP's name for messages to its customers: cheap, unlike get(). */
  name(tenantId: string): string {
    return this.row(tenantId).name;
  }

  /** The dispatcher's view: cheap enough to run on every call. */
  access(tenantId: string): TenantAccess {
    const row = this.row(tenantId);
    const addons = JSON.parse(row.addons) as Addon[];
    return { status: row.status, features: effectiveFeatures(row.plan, addons), limits: effectiveLimits(row.plan, addons) };
  }

  usageOf(key: LimitKey, tenantId: string): number {
    return this.usage.count(key, tenantId);
  }

  /**
   * Refuses with LIMIT_EXCEEDED when the plan has no room for one more. The count is only true
   * inside the transaction that adds the thing: called before an await (a password hash), thirty
   * parallel calls all see the same free slot.
   */
  ensureRoom(key: LimitKey, tenantId: string): void {
    const used = this.usageOf(key, tenantId);
    const limit = this.access(tenantId).limits[key];
    if (used >= limit) throw new Failure('LIMIT_EXCEEDED', { used, limit });
  }

  update(tenantId: string, patch: { name?: string; timezone?: TimeZone }): Tenant {
    this.row(tenantId);
    this.db.transaction(() => {
      this.db
        .prepare(`UPDATE tenants SET name = COALESCE(?, name), timezone = COALESCE(?, timezone), updated_at = ? WHERE id = ?`)
        .run(patch.name ?? null, patch.timezone ?? null, isoAt(this.clock), tenantId);
      this.rows.delete(tenantId);
      this.bus.publish('tenant_updated', tenantId, { tenantId });
    })();
    return this.get(tenantId);
  }

  /**
   * The SaaS subscription as the RRNet cloud states it (plan, add-ons, paid or isolated). Arrives
   * through sync; isolation locks the panel read-only and never touches the ISP's routers (seed 003).
   */
  applySubscription(tenantId: string, sub: { plan: Plan; addons: Addon[]; status: TenantStatus }): Tenant {
    this.row(tenantId);
    this.db.transaction(() => {
      this.db
        .prepare('UPDATE tenants SET plan = ?, addons = ?, status = ?, updated_at = ? WHERE id = ?')
        .run(sub.plan, JSON.stringify(sub.addons), sub.status, isoAt(this.clock), tenantId);
      this.rows.delete(tenantId);
      this.bus.publish('tenant_updated', tenantId, { tenantId });
    })();
    return this.get(tenantId);
  }

  private row(tenantId: string): TenantRow {
    const cached = this.rows.get(tenantId);
    if (cached) return cached;
    this.rowStatement ??= this.db.prepare('SELECT id, name, timezone, plan, addons, status FROM tenants WHERE id = ?');
    const row = this.rowStatement.get(tenantId) as TenantRow | undefined;
    if (!row) throw notFound();
    this.rows.set(tenantId, row);
    return row;
  }
}

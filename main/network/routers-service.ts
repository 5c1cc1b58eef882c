import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { isoAt } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import type { RouterSummary } from '../../shared/domain/router.js';

/**
 * The routers the ISP runs. For now what the customer form and the demo need; the network issue
 * adds the RouterOS connection pool, health and session sync here.
 */
export class RoutersService {
  /** Prepared once: every customers page with a router on it asks. */
  private readonly namesOf;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: SecretBox,
  ) {
    this.namesOf = db.prepare('SELECT id, name FROM routers WHERE tenant_id = ?');
  }

  list(tenantId: string): RouterSummary[] {
    return this.db.prepare('SELECT id, name, host FROM routers WHERE tenant_id = ? ORDER BY name').all(tenantId) as RouterSummary[];
  }

  exists(tenantId: string, id: string): boolean {
    return this.db.prepare('SELECT 1 FROM routers WHERE tenant_id = ? AND id = ?').get(tenantId, id) !== undefined;
  }

  /** Router names by id, for modules that show which router serves something (a tenant has a handful). */
  names(tenantId: string): Map<string, string> {
    const rows = this.namesOf.all(tenantId) as { id: string; name: string }[];
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  count(tenantId: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM routers WHERE tenant_id = ?').pluck().get(tenantId) as number;
  }

  /** The API password is sealed before it is stored; it never leaves the core in clear. */
  create(tenantId: string, input: { name: string; host: string; apiPort?: number; username: string; password: string }): string {
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO routers (id, tenant_id, name, host, api_port, username, password_ref, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, tenantId, input.name, input.host, input.apiPort ?? 8728, input.username, this.secrets.seal(input.password), now, now);
    return id;
  }
}

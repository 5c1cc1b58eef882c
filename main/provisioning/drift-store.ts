import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import type { DriftKind, DriftOutcome } from '../../shared/domain/provisioning.js';

export interface DriftRow {
  id: string;
  tenant_id: string;
  router_id: string;
  customer_id: string | null;
  username: string;
  kind: DriftKind;
  found: string;
  outcome: DriftOutcome;
  done: string;
  at: number;
}

export interface NewDrift {
  routerId: string;
  customerId: string | null;
  username: string;
  kind: DriftKind;
  found: string;
  outcome: DriftOutcome;
  done: string;
}

export interface ReconcileRun {
  routerId: string;
  checked: number;
  repaired: number;
  unknown: readonly string[];
  errorCode: string | null;
}

/** provisioning_drift and provisioning_reconciles: what the reconciler found and did (see migration 022). */
export class DriftStore {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {
    this.stmt = {
      insert: db.prepare(`INSERT INTO provisioning_drift (id, tenant_id, router_id, customer_id, username, kind, found, outcome, done, at)
        VALUES (@id, @tenantId, @routerId, @customerId, @username, @kind, @found, @outcome, @done, @at)`),
      run: db.prepare(`INSERT INTO provisioning_reconciles (tenant_id, router_id, at, checked, repaired, unknown, error_code)
        VALUES (@tenantId, @routerId, @at, @checked, @repaired, @unknown, @errorCode)
        ON CONFLICT (tenant_id, router_id) DO UPDATE SET at = excluded.at, checked = excluded.checked, repaired = excluded.repaired,
          unknown = excluded.unknown, error_code = excluded.error_code`),
      lastUnknown: db.prepare('SELECT unknown FROM provisioning_reconciles WHERE tenant_id = ? AND router_id = ?').pluck(),
    };
  }

  add(tenantId: string, drift: NewDrift): void {
    this.stmt.insert.run({ ...drift, id: this.ids.next(), tenantId, at: this.clock.now() });
  }

  /** The accounts no customer owned at the router's last reconcile: a stranger is logged once when first seen, not every ten minutes. */
  lastUnknown(tenantId: string, routerId: string): Set<string> {
    const text = this.stmt.lastUnknown.get(tenantId, routerId) as string | undefined;
    return new Set(text === undefined ? [] : (JSON.parse(text) as string[]));
  }

  recordRun(tenantId: string, run: ReconcileRun): number {
    const at = this.clock.now();
    this.stmt.run.run({ ...run, tenantId, at, unknown: JSON.stringify(run.unknown) });
    return at;
  }

  /** Newest first; the cursor is the last row's "at:id". */
  list(tenantId: string, page: { cursor: string | null; limit: number }): { items: DriftRow[]; nextCursor: string | null } {
    const [at, id] = (page.cursor ?? '').split(':');
    const after = page.cursor ? 'AND (at < @at OR (at = @at AND id < @id))' : '';
    const rows = this.db
      .prepare(`SELECT * FROM provisioning_drift WHERE tenant_id = @tenant ${after} ORDER BY at DESC, id DESC LIMIT @limit`)
      .all({ tenant: tenantId, at: Number(at), id: id ?? '', limit: page.limit + 1 }) as DriftRow[];
    const more = rows.length > page.limit;
    const items = more ? rows.slice(0, page.limit) : rows;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? `${last.at}:${last.id}` : null };
  }
}

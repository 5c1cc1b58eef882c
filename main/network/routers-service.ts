import type { z } from 'zod';
import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { conflict, Failure, isoAt, notFound } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import { noLimit } from '../module-kit/index.js';
import {
  API_PORT,
  API_TLS_PORT,
  routerCreateSchema,
  type IsolirMethod,
  type Router,
  type RouterUpdateInput,
} from '../../shared/domain/router.js';
import type { RouterTarget } from './router-probe.js';
import type { RouterUsers } from './router-users.js';

export interface RouterIsolirSetup {
  method: IsolirMethod;
  isolirProfile: string;
  /** The API login, keyed by the router's id (its kept connection). */
  api: RouterTarget & { id: string };
  /** The RADIUS method's NAS: where Disconnect-Requests go, and the shared secret. */
  nas: { host: string; port: number; secret: string } | null;
}

interface RouterRow {
  id: string;
  name: string;
  host: string;
  api_port: number;
  tls: number;
  username: string;
  password_ref: string | null;
  isolir_method: IsolirMethod;
  isolir_profile: string;
  radius_nas_address: string | null;
  radius_coa_port: number;
  radius_secret_ref: string | null;
  ros_version: string | null;
  ros_identity: string | null;
  detected_at: string | null;
  notes: string;
  created_at: string;
  updated_at: string;
}

const toRouter = (r: RouterRow, customerCount: number): Router => ({
  id: r.id,
  name: r.name,
  host: r.host,
  apiPort: r.api_port,
  tls: r.tls === 1,
  username: r.username,
  hasPassword: r.password_ref !== null,
  isolirMethod: r.isolir_method,
  isolirProfile: r.isolir_profile,
  radiusNasAddress: r.radius_nas_address,
  radiusCoaPort: r.radius_coa_port,
  hasRadiusSecret: r.radius_secret_ref !== null,
  rosVersion: r.ros_version,
  rosIdentity: r.ros_identity,
  detectedAt: r.detected_at,
  notes: r.notes,
  customerCount,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

/** The API's usual port for the transport: what an empty port box means. */
export const defaultApiPort = (tls: boolean): number => (tls ? API_TLS_PORT : API_PORT);

/**
 * The routers the ISP runs. The API password and the RADIUS secret are sealed before they are
 * stored and opened only to log in (`target`); no answer carries them.
 */
export class RoutersService {
  /** Prepared once: every customers page with a router on it asks. */
  private readonly namesOf;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: SecretBox,
    private readonly users: RouterUsers,
  ) {
    this.namesOf = db.prepare('SELECT id, name FROM routers WHERE tenant_id = ?');
  }

  list(tenantId: string): Router[] {
    const rows = this.db.prepare('SELECT * FROM routers WHERE tenant_id = ? ORDER BY lower(name)').all(tenantId) as RouterRow[];
    const counts = this.users.counts(tenantId);
    return rows.map((r) => toRouter(r, counts.get(r.id) ?? 0));
  }

  get(tenantId: string, id: string): Router {
    return toRouter(this.row(tenantId, id), this.users.counts(tenantId).get(id) ?? 0);
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

  /**
   * `claimLimit` (the contract's counted limit, from the handler) runs in the same immediate
   * transaction as the insert: only there does the tenant's router limit hold under parallel calls.
   * Internal callers (the demo) pass what they know; the contract's schema fills the rest.
   */
  create(tenantId: string, fields: z.input<typeof routerCreateSchema>, claimLimit: () => void = noLimit): string {
    const input = routerCreateSchema.parse(fields);
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .transaction(() => {
        claimLimit();
        this.assertNameFree(tenantId, input.name, null);
        this.db
          .prepare(`INSERT INTO routers (id, tenant_id, name, host, api_port, tls, username, password_ref, isolir_method, isolir_profile,
              radius_nas_address, radius_coa_port, radius_secret_ref, notes, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            id,
            tenantId,
            input.name,
            input.host,
            input.apiPort ?? defaultApiPort(input.tls),
            Number(input.tls),
            input.username,
            this.secrets.seal(input.password),
            input.isolirMethod,
            input.isolirProfile,
            input.radiusNasAddress,
            input.radiusCoaPort,
            input.radiusSecret === '' ? null : this.secrets.seal(input.radiusSecret),
            input.notes,
            now,
            now,
          );
        this.bus.publish('router_changed', tenantId, { routerId: id });
      })
      .immediate();
    return id;
  }

  /** A patch. An empty password or RADIUS secret keeps the stored one; an empty port box means the usual port. */
  update(tenantId: string, input: RouterUpdateInput): void {
    this.db.transaction(() => {
      const row = this.row(tenantId, input.id);
      if (input.name !== undefined) this.assertNameFree(tenantId, input.name, input.id);
      const tls = input.tls ?? row.tls === 1;
      const apiPort = input.apiPort === undefined ? row.api_port : (input.apiPort ?? defaultApiPort(tls));
      const isolirMethod = input.isolirMethod ?? row.isolir_method;
      const radiusSecretRef = input.radiusSecret ? this.secrets.seal(input.radiusSecret) : row.radius_secret_ref;
      if (isolirMethod === 'radius' && radiusSecretRef === null) {
        throw new Failure('VALIDATION_FAILED', {}, { radiusSecret: 'validation.required' });
      }
      this.db
        .prepare(`UPDATE routers SET name = ?, host = ?, api_port = ?, tls = ?, username = ?, password_ref = ?, isolir_method = ?,
            isolir_profile = ?, radius_nas_address = ?, radius_coa_port = ?, radius_secret_ref = ?, notes = ?, updated_at = ?
          WHERE id = ?`)
        .run(
          input.name ?? row.name,
          input.host ?? row.host,
          apiPort,
          Number(tls),
          input.username ?? row.username,
          input.password ? this.secrets.seal(input.password) : row.password_ref,
          isolirMethod,
          input.isolirProfile ?? row.isolir_profile,
          input.radiusNasAddress === undefined ? row.radius_nas_address : input.radiusNasAddress,
          input.radiusCoaPort ?? row.radius_coa_port,
          radiusSecretRef,
          input.notes ?? row.notes,
          isoAt(this.clock),
          input.id,
        );
      this.bus.publish('router_changed', tenantId, { routerId: input.id });
    })();
  }

  /**
   * Refused while any customer, of any status, is on the router: their secrets live there, and
   * isolir and billing would lose track of where. The count and the delete share one transaction.
   */
  remove(tenantId: string, id: string): void {
    this.db.transaction(() => {
      this.row(tenantId, id);
      const customers = this.users.counts(tenantId).get(id) ?? 0;
      if (customers > 0) throw new Failure('ROUTER_IN_USE', { count: customers });
      this.db.prepare('DELETE FROM routers WHERE tenant_id = ? AND id = ?').run(tenantId, id);
      this.bus.publish('router_changed', tenantId, { routerId: id });
    })();
  }

  /** What the RouterOS client logs in with: the password opened only for the call. */
  target(tenantId: string, id: string): RouterTarget {
    const row = this.row(tenantId, id);
    return {
      host: row.host,
      port: row.api_port,
      tls: row.tls === 1,
      username: row.username,
      password: row.password_ref === null ? '' : this.secrets.open(row.password_ref),
    };
  }

  /**
   * How isolir acts on this router: its method and profile, its API login (unsealed, only for the
   * call) and, for the RADIUS method, where its NAS takes Disconnect-Requests. Null: no such router.
   */
  isolirSetup(tenantId: string, id: string): RouterIsolirSetup | null {
    const row = this.db.prepare('SELECT * FROM routers WHERE tenant_id = ? AND id = ?').get(tenantId, id) as RouterRow | undefined;
    if (!row) return null;
    const nas =
      row.isolir_method === 'radius' && row.radius_secret_ref !== null
        ? { host: row.radius_nas_address ?? row.host, port: row.radius_coa_port, secret: this.secrets.open(row.radius_secret_ref) }
        : null;
    return { method: row.isolir_method, isolirProfile: row.isolir_profile, api: { id: row.id, ...this.target(tenantId, id) }, nas };
  }

  /** What a router said it is when it last answered: the list's version and "last seen". */
  recordDetected(tenantId: string, id: string, found: { identity: string | null; version: string | null }): void {
    this.db.transaction(() => {
      const changed = this.db
        .prepare(`UPDATE routers SET ros_identity = COALESCE(?, ros_identity), ros_version = COALESCE(?, ros_version), detected_at = ?
          WHERE tenant_id = ? AND id = ?`)
        .run(found.identity, found.version, isoAt(this.clock), tenantId, id).changes;
      if (changed > 0) this.bus.publish('router_changed', tenantId, { routerId: id });
    })();
  }

  private row(tenantId: string, id: string): RouterRow {
    const row = this.db.prepare('SELECT * FROM routers WHERE tenant_id = ? AND id = ?').get(tenantId, id) as RouterRow | undefined;
    if (!row) throw notFound();
    return row;
  }

  private assertNameFree(tenantId: string, name: string, exceptId: string | null): void {
    const clash = this.db
      .prepare('SELECT id FROM routers WHERE tenant_id = ? AND lower(name) = lower(?)')
      .pluck()
      .get(tenantId, name) as string | undefined;
    if (clash && clash !== exceptId) throw conflict('name', 'conflicts.routerName');
  }
}

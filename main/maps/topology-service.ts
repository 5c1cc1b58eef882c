import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { isoAt } from '../platform/index.js';

interface Point {
  latitude: number;
  longitude: number;
}

/**
 * The ODC -> ODP -> customer tree. This issue only builds it (the demo needs one); the maps issue
 * adds the map, the outage cascade and technician tasks on top.
 */
export class TopologyService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  createOdc(tenantId: string, input: Point & { name: string; capacity: number }): string {
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .prepare('INSERT INTO odcs (id, tenant_id, name, latitude, longitude, capacity, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, tenantId, input.name, input.latitude, input.longitude, input.capacity, now, now);
    return id;
  }

  createOdp(tenantId: string, input: Point & { odcId: string; name: string; ports: number }): string {
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO odps (id, tenant_id, odc_id, name, latitude, longitude, ports, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(id, tenantId, input.odcId, input.name, input.latitude, input.longitude, input.ports, now, now);
    return id;
  }

  connect(tenantId: string, odpId: string, customerId: string, port: number): void {
    const now = isoAt(this.clock);
    this.db
      .prepare('INSERT INTO odp_links (id, tenant_id, odp_id, customer_id, port, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(this.ids.next(), tenantId, odpId, customerId, port, now, now);
  }

  /** The customers fed by one ODP (a broadcast to an area, an outage on a splitter). */
  customersOn(tenantId: string, odpId: string): string[] {
    return this.db.prepare('SELECT customer_id FROM odp_links WHERE tenant_id = ? AND odp_id = ?').pluck().all(tenantId, odpId) as string[];
  }

  /** ODPs with their cabinet and how many customers hang on them, by name. */
  listOdps(tenantId: string): { id: string; name: string; odcName: string; customers: number }[] {
    return this.db
      .prepare(`SELECT p.id, p.name, c.name AS odcName, (SELECT COUNT(*) FROM odp_links l WHERE l.odp_id = p.id) AS customers
        FROM odps p JOIN odcs c ON c.id = p.odc_id WHERE p.tenant_id = ? ORDER BY p.name`)
      .all(tenantId) as { id: string; name: string; odcName: string; customers: number }[];
  }

  counts(tenantId: string): { odcs: number; odps: number; links: number } {
    const count = (table: string) => this.db.prepare(`SELECT COUNT(*) FROM ${table} WHERE tenant_id = ?`).pluck().get(tenantId) as number;
    return { odcs: count('odcs'), odps: count('odps'), links: count('odp_links') };
  }
}

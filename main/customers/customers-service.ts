import { Where, type Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, conflict, isoAt, notFound } from '../platform/index.js';
import type { Customer, CustomerDuplicate, CustomerStatus } from '../../shared/domain/customer.js';
import { singleLine } from '../../shared/domain/common.js';
import { isIndonesianMobile, normalizePhone } from '../../shared/util/phone.js';
import type { PackagesService } from './packages-service.js';
import { noLimit } from '../module-kit/index.js';
import type { SecretBox } from '../secrets/index.js';
import { countQuery, encodeCursor, nameKey, pageQuery, parseCustomerQuery, type CustomerQuery, type CustomerSearch } from './customer-search.js';

interface CustomerRow {
  id: string;
  code: string;
  name: string;
  name_key: string;
  phone: string;
  address: string;
  area: string;
  latitude: number | null;
  longitude: number | null;
  package_id: string;
  package_name: string;
  package_price: number;
  router_id: string | null;
  service_type: 'pppoe' | 'hotspot';
  username: string;
  billing_day: number;
  status: CustomerStatus;
  notes: string;
  created_at: string;
  updated_at: string;
}

const SELECT = `SELECT c.id, c.code, c.name, c.name_key, c.phone, c.address, c.area, c.latitude, c.longitude, c.package_id,
    p.name AS package_name, p.price AS package_price, c.router_id, c.service_type, c.username,
    c.billing_day, c.status, c.notes, c.created_at, c.updated_at
  FROM customers c JOIN packages p ON p.id = c.package_id`;

/** The router's name comes from the network module, which owns the routers table. */
const toCustomer = (r: CustomerRow, routerNames: ReadonlyMap<string, string>): Customer => ({
  id: r.id,
  code: r.code,
  name: r.name,
  phone: r.phone,
  whatsapp: isIndonesianMobile(r.phone),
  address: r.address,
  area: r.area,
  latitude: r.latitude,
  longitude: r.longitude,
  packageId: r.package_id,
  packageName: r.package_name,
  packagePrice: r.package_price,
  routerId: r.router_id,
  routerName: r.router_id === null ? null : (routerNames.get(r.router_id) ?? null),
  serviceType: r.service_type,
  username: r.username,
  billingDay: r.billing_day,
  status: r.status,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface CustomerInput {
  name: string;
  phone: string;
  address: string;
  /** Optional, '' when absent: added after the seeders and benches that create customers directly. */
  area?: string;
  latitude: number | null;
  longitude: number | null;
  packageId: string;
  routerId: string | null;
  serviceType: 'pppoe' | 'hotspot';
  username: string;
  billingDay: number;
  notes: string;
}

/** The form's PPPoE password, write-only (see customerCreateObject). */
interface PasswordInput {
  pppoePassword?: string | undefined;
}

/** What customers asks about routers: the network module answers, customers does not read its table. */
export interface RouterLookup {
  /** Whether a router id belongs to the tenant. */
  exists(tenantId: string, routerId: string): boolean;
  /** The tenant's router names by id (a handful: one read per page). */
  names(tenantId: string): ReadonlyMap<string, string>;
}

/** A customer as their router should know them: the account's name and kind, their status, their package's profile. */
export interface RouterAccountOwner {
  id: string;
  username: string;
  serviceType: 'pppoe' | 'hotspot';
  status: CustomerStatus;
  routerProfile: string;
}

const NO_ROUTERS: ReadonlyMap<string, string> = new Map();
/** Enough to recognise the person; a name shared by more is a common name, not a mistake. */
const DUPLICATES_SHOWN = 3;

/** What billing needs of a customer to invoice them. */
export interface BillableCustomer {
  id: string;
  name: string;
  code: string;
  packageId: string;
  packageName: string;
  price: number;
  billingDay: number;
  status: CustomerStatus;
  /** ISO instant: the customer's first month starts the local day it falls on. */
  createdAt: string;
}

export class CustomersService {
  private readonly stmt;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly packages: PackagesService,
    private readonly routers: RouterLookup,
    /** Seals the PPPoE password the form gives; provisioning opens it to write the router. */
    private readonly secrets: SecretBox,
  ) {
    this.stmt = {
      setIsolated: db.prepare('UPDATE customers SET status = ?, updated_at = ? WHERE tenant_id = ? AND id = ? AND status = ?'),
      get: db.prepare(`${SELECT} WHERE c.tenant_id = ? AND c.id = ?`),
      insert: db.prepare(`INSERT INTO customers (id, tenant_id, code, name, name_key, phone, address, area, latitude, longitude, package_id,
          router_id, service_type, username, billing_day, status, notes, pppoe_password, created_at, updated_at)
        VALUES (@id, @tenantId, @code, @name, @nameKey, @phone, @address, @area, @latitude, @longitude, @packageId, @routerId, @serviceType,
          @username, @billingDay, @status, @notes, @sealedPassword, @now, @now)`),
      nextCode: db.prepare(`INSERT INTO counters (tenant_id, name, value) VALUES (?, 'customer_code', 1)
        ON CONFLICT (tenant_id, name) DO UPDATE SET value = value + 1 RETURNING value`).pluck(),
      samePhone: db.prepare(`SELECT id, code, name, phone, status FROM customers WHERE tenant_id = ? AND phone = ? AND id <> ? ORDER BY name_key, id LIMIT ${DUPLICATES_SHOWN}`),
      sameName: db.prepare(`SELECT id, code, name, phone, status FROM customers WHERE tenant_id = ? AND name_key = ? AND id <> ? ORDER BY id LIMIT ${DUPLICATES_SHOWN}`),
      usernameOwner: db.prepare('SELECT id FROM customers WHERE tenant_id = ? AND lower(username) = lower(?)').pluck(),
      // Walks customers_by_area: one entry per area, case aside (whichever spelling SQLite meets first).
      areas: db.prepare(`SELECT area FROM customers WHERE tenant_id = ? AND area <> '' GROUP BY area COLLATE NOCASE ORDER BY area COLLATE NOCASE`).pluck(),
      inArea: db.prepare('SELECT id FROM customers WHERE tenant_id = ? AND area = ? COLLATE NOCASE').pluck(),
      // Two seeks on the tenant-first indexes, not a scan of everyone else's rows.
      otherTenants: db
        .prepare('SELECT EXISTS (SELECT 1 FROM customers WHERE tenant_id < ?) OR EXISTS (SELECT 1 FROM customers WHERE tenant_id > ?)')
        .pluck(),
    };
  }

  list(tenantId: string, q: CustomerQuery): { items: Customer[]; nextCursor: string | null; total: number } {
    const search = parseCustomerQuery(tenantId, q);
    const total = search.after?.total ?? this.count(search);
    if (total === 0) return { items: [], nextCursor: null, total };
    // The page's rows are chosen on the narrow keys first and joined to their package and router
    // after: sorting 2,000 matches with every column and join along cost a fifth more.
    const page = pageQuery(search, 'SELECT c.rowid FROM customers c', total);
    const rows = this.db.prepare(`${SELECT} WHERE c.rowid IN (${page.sql}) ORDER BY c.name_key, c.id`).all(...page.params) as CustomerRow[];
    const more = rows.length > q.limit;
    const shown = more ? rows.slice(0, q.limit) : rows;
    const last = shown.at(-1);
    return {
      items: this.withRouterNames(tenantId, shown),
      nextCursor: more && last ? encodeCursor({ nameKey: last.name_key, id: last.id, total }) : null,
      total,
    };
  }

  private count(search: CustomerSearch): number {
    const soleTenant = this.stmt.otherTenants.get(search.tenantId, search.tenantId) === 0;
    const built = countQuery(search, soleTenant);
    return this.db.prepare(built.sql).pluck().get(...built.params) as number;
  }

  get(tenantId: string, id: string): Customer {
    const row = this.stmt.get.get(tenantId, id) as CustomerRow | undefined;
    if (!row) throw notFound();
    return this.withRouterNames(tenantId, [row])[0] as Customer;
  }

  find(tenantId: string, id: string): Customer | null {
    const row = this.stmt.get.get(tenantId, id) as CustomerRow | undefined;
    return row ? (this.withRouterNames(tenantId, [row])[0] ?? null) : null;
  }

  /** The tenant's areas, each once (case aside), in order: the form's suggestions and the lists' filters. */
  areas(tenantId: string): string[] {
    return this.stmt.areas.all(tenantId) as string[];
  }

  /** Every customer of an area (case aside; '' those without one), whatever their status: billing's Tagihan filter asks this. */
  idsInArea(tenantId: string, area: string): string[] {
    return this.stmt.inArea.all(tenantId, area) as string[];
  }

  /** Name and code of each customer, whatever their status: for ledgers that name them (isolir history). */
  labels(tenantId: string, ids: readonly string[]): Map<string, { name: string; code: string }> {
    if (ids.length === 0) return new Map();
    const rows = this.db
      .prepare('SELECT id, name, code FROM customers WHERE tenant_id = ? AND id IN (SELECT value FROM json_each(?))')
      .all(tenantId, JSON.stringify(ids)) as { id: string; name: string; code: string }[];
    return new Map(rows.map((r) => [r.id, { name: r.name, code: r.code }]));
  }

  /**
   * The router confirmed an isolation or a reconnection (the isolir module calls this in the
   * transaction that records the router's answer): the status follows. A deactivated customer stays
   * deactivated; only isolir moves a customer between active and isolated, and nothing else (a
   * saved edit) touches it. The isolir module's customer_isolated / customer_reconnected event says so
   * (a customer_updated beside it would tell the screens twice).
   */
  setIsolated(tenantId: string, id: string, isolated: boolean): boolean {
    const [to, from] = isolated ? ['isolated', 'active'] : ['active', 'isolated'];
    return this.stmt.setIsolated.run(to, isoAt(this.clock), tenantId, id, from).changes === 1;
  }

  /** The customer's PPPoE / hotspot password as sealed in the secrets box, or null when the console has none (provisioning opens it to write the router). */
  sealedPassword(tenantId: string, id: string): string | null {
    return (this.db.prepare('SELECT pppoe_password FROM customers WHERE tenant_id = ? AND id = ?').pluck().get(tenantId, id) as string | null | undefined) ?? null;
  }

  /** What the console says each customer on a router should have there (the reconciler compares it with the router's accounts in one read). */
  onRouter(tenantId: string, routerId: string): RouterAccountOwner[] {
    return this.db
      .prepare(`SELECT c.id, c.username, c.service_type AS serviceType, c.status, p.router_profile AS routerProfile
        FROM customers c JOIN packages p ON p.id = c.package_id WHERE c.tenant_id = ? AND c.router_id = ?`)
      .all(tenantId, routerId) as RouterAccountOwner[];
  }

  private withRouterNames(tenantId: string, rows: readonly CustomerRow[]): Customer[] {
    const names = rows.some((r) => r.router_id !== null) ? this.routers.names(tenantId) : NO_ROUTERS;
    return rows.map((r) => toCustomer(r, names));
  }

  /**
   * Name, phone and package of the customers a broadcast selects, in one query: active ones by
   * default, or those with the given status, package or ids. Customers marked "tidak ada WhatsApp"
   * (a landline or a foreign number) are left out: WhatsApp cannot reach them.
   */
  contacts(
    tenantId: string,
    filter: { status?: CustomerStatus; packageId?: string; ids?: readonly string[] },
  ): { customerId: string; name: string; phone: string; packageName: string }[] {
    if (filter.ids?.length === 0) return [];
    const where = new Where()
      .and('c.tenant_id = ?', tenantId)
      .and('c.status = ?', filter.status ?? 'active')
      .andIf(filter.packageId, 'c.package_id = ?')
      .andIf(filter.ids, 'c.id IN (SELECT value FROM json_each(?))', (ids) => [JSON.stringify(ids)]);
    const rows = this.db
      .prepare(`SELECT c.id AS customerId, c.name, c.phone, p.name AS packageName FROM customers c JOIN packages p ON p.id = c.package_id
        ${where.sql} ORDER BY c.name_key, c.id`)
      .all(...where.params) as { customerId: string; name: string; phone: string; packageName: string }[];
    return rows.filter((r) => isIndonesianMobile(r.phone));
  }

  /** Customers who already have this phone, and this name (case and spacing aside); any status, the one edited aside. */
  duplicates(tenantId: string, q: { phone: string; name: string; exceptId: string | null }): { phone: CustomerDuplicate[]; name: CustomerDuplicate[] } {
    const phone = normalizePhone(q.phone);
    // Read as a saved name would be (one line, no control characters), so it meets the stored key.
    const key = nameKey(singleLine(q.name));
    const except = q.exceptId ?? '';
    return {
      phone: phone === null ? [] : (this.stmt.samePhone.all(tenantId, phone, except) as CustomerDuplicate[]),
      name: key === '' ? [] : (this.stmt.sameName.all(tenantId, key, except) as CustomerDuplicate[]),
    };
  }

  /**
   * Every customer as billing prices them, in one read (raw rows, no objects per column): the
   * monthly generation of 50,000 invoices reads this once instead of a customer at a time.
   */
  billables(tenantId: string): BillableCustomer[] {
    const rows = this.db
      .prepare(`SELECT c.id, c.name, c.code, c.package_id, p.name, p.price, c.billing_day, c.status, c.created_at
        FROM customers c JOIN packages p ON p.id = c.package_id WHERE c.tenant_id = ?`)
      .raw()
      .all(tenantId) as [string, string, string, string, string, number, number, CustomerStatus, string][];
    return rows.map(([id, name, code, packageId, packageName, price, billingDay, status, createdAt]) => ({
      id, name, code, packageId, packageName, price, billingDay, status, createdAt,
    }));
  }

  /** Customers that count against the plan's limit: everyone not deactivated. */
  countBillable(tenantId: string): number {
    return this.db.prepare(`SELECT COUNT(*) FROM customers WHERE tenant_id = ? AND status <> 'inactive'`).pluck().get(tenantId) as number;
  }

  /** Customers on each router, whatever their status: a router someone is on is not removed (customers_by_router). */
  countByRouter(tenantId: string): Map<string, number> {
    const rows = this.db
      .prepare('SELECT router_id, COUNT(*) AS n FROM customers WHERE tenant_id = ? AND router_id IS NOT NULL GROUP BY router_id')
      .all(tenantId) as { router_id: string; n: number }[];
    return new Map(rows.map((r) => [r.router_id, r.n]));
  }

  /**
   * The customers on one router by their login (lower case: RouterOS shows the name as typed, the
   * console keeps usernames unique case aside): how the sessions poll knows whose session it sees.
   */
  loginsOnRouter(tenantId: string, routerId: string): Map<string, { id: string; name: string }> {
    const rows = this.db
      .prepare("SELECT id, name, lower(username) AS login FROM customers WHERE tenant_id = ? AND router_id = ? AND username <> ''")
      .all(tenantId, routerId) as { id: string; name: string; login: string }[];
    return new Map(rows.map((r) => [r.login, { id: r.id, name: r.name }]));
  }

  /** The dashboard's headline numbers, in one pass over the status index. */
  summary(tenantId: string): { customers: Record<CustomerStatus, number>; packages: number; monthlyRevenue: number } {
    const customers: Record<CustomerStatus, number> = { active: 0, isolated: 0, inactive: 0 };
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM customers WHERE tenant_id = ? GROUP BY status')
      .all(tenantId) as { status: CustomerStatus; n: number }[];
    for (const r of rows) customers[r.status] = r.n;
    const monthlyRevenue = this.db
      .prepare(`SELECT COALESCE(SUM(p.price), 0) FROM customers c JOIN packages p ON p.id = c.package_id
        WHERE c.tenant_id = ? AND c.status <> 'inactive'`)
      .pluck()
      .get(tenantId) as number;
    const packages = this.db.prepare('SELECT COUNT(*) FROM packages WHERE tenant_id = ? AND active = 1').pluck().get(tenantId) as number;
    return { customers, packages, monthlyRevenue };
  }

  /**
   * `claimLimit` (the contract's counted limit, from the handler) runs inside the transaction that
   * adds the customer, immediate so another process on the file cannot take the same slot between
   * the count and the insert. Seeders that set their own plan leave it out.
   */
  create(tenantId: string, input: CustomerInput & PasswordInput, claimLimit: () => void = noLimit): Customer {
    let id = '';
    this.db.transaction(() => {
      claimLimit();
      this.checkReferences(tenantId, input.packageId, input.routerId, true);
      this.assertUsernameFree(tenantId, input.username, null);
      id = this.insert(tenantId, { ...input, status: 'active', sealedPassword: this.sealed(input.pppoePassword) });
      this.bus.publish('customer_created', tenantId, { customerId: id });
    }).immediate();
    return this.get(tenantId, id);
  }

  /**
   * A customer read from an import file. The import holds the transaction and has checked the
   * package, the username and the plan's room for the whole file; it publishes one
   * customers_imported, not customer_created per row: an ISP moving 500 customers in does not
   * send each a welcome message on WhatsApp.
   */
  insertImported(tenantId: string, input: CustomerInput & { status: 'active' | 'inactive'; sealedPassword: string | null }): string {
    return this.insert(tenantId, input);
  }

  /** The import's update of one customer: the fields the file changes, and its PPPoE password (sealed) when the file has a new one. */
  updateImported(tenantId: string, id: string, patch: Partial<CustomerInput>, sealedPassword: string | null): void {
    if (Object.keys(patch).length > 0) this.update(tenantId, id, patch);
    if (sealedPassword !== null) {
      this.db.prepare('UPDATE customers SET pppoe_password = ?, updated_at = ? WHERE tenant_id = ? AND id = ?').run(sealedPassword, isoAt(this.clock), tenantId, id);
    }
  }

  private insert(tenantId: string, input: CustomerInput & { status: 'active' | 'inactive'; sealedPassword: string | null }): string {
    const id = this.ids.next();
    const seq = this.stmt.nextCode.get(tenantId) as number;
    this.stmt.insert.run({
      ...input,
      area: input.area ?? '',
      id,
      tenantId,
      code: `C${String(seq).padStart(5, '0')}`,
      nameKey: nameKey(input.name),
      now: isoAt(this.clock),
    });
    return id;
  }

  update(tenantId: string, id: string, { pppoePassword, ...patch }: Partial<CustomerInput> & PasswordInput): Customer {
    this.db.transaction(() => {
      const sealed = this.sealed(pppoePassword);
      if (sealed !== null) this.db.prepare('UPDATE customers SET pppoe_password = ? WHERE tenant_id = ? AND id = ?').run(sealed, tenantId, id);
      const current = this.get(tenantId, id);
      const next = { ...current, ...patch };
      this.checkReferences(tenantId, next.packageId, next.routerId, patch.packageId !== undefined && patch.packageId !== current.packageId);
      if (patch.username !== undefined) this.assertUsernameFree(tenantId, patch.username, id);
      this.db
        .prepare(`UPDATE customers SET name = ?, name_key = ?, phone = ?, address = ?, area = ?, latitude = ?, longitude = ?, package_id = ?,
            router_id = ?, service_type = ?, username = ?, billing_day = ?, notes = ?, updated_at = ? WHERE id = ?`)
        .run(next.name, nameKey(next.name), next.phone, next.address, next.area, next.latitude, next.longitude, next.packageId, next.routerId,
          next.serviceType, next.username, next.billingDay, next.notes, isoAt(this.clock), id);
      this.bus.publish('customer_updated', tenantId, { customerId: id });
    })();
    return this.get(tenantId, id);
  }

  /** An empty or absent password is none given (a new customer) or unchanged (an edit). */
  private sealed(password: string | undefined): string | null {
    return password ? this.secrets.seal(password) : null;
  }

  deactivate(tenantId: string, id: string): Customer {
    return this.setStatus(tenantId, id, 'inactive', 'customer_deactivated');
  }

  /** A deactivated customer does not count against the plan; coming back takes a slot (`claimLimit`, as in create). */
  reactivate(tenantId: string, id: string, claimLimit: () => void = noLimit): Customer {
    return this.setStatus(tenantId, id, 'active', 'customer_reactivated', claimLimit);
  }

  private setStatus(
    tenantId: string,
    id: string,
    status: CustomerStatus,
    event: 'customer_deactivated' | 'customer_reactivated',
    claimLimit: () => void = noLimit,
  ): Customer {
    this.db.transaction(() => {
      const current = this.get(tenantId, id);
      if (current.status === status) return;
      if (status === 'active' && current.status !== 'inactive') return;
      claimLimit();
      this.db.prepare('UPDATE customers SET status = ?, updated_at = ? WHERE id = ?').run(status, isoAt(this.clock), id);
      this.bus.publish(event, tenantId, { customerId: id });
    }).immediate();
    return this.get(tenantId, id);
  }

  private checkReferences(tenantId: string, packageId: string, routerId: string | null, packageMustBeActive: boolean): void {
    const active = this.packages.isActive(tenantId, packageId);
    if (active === null) throw new Failure('VALIDATION_FAILED', {}, { packageId: 'validation.notFound' });
    if (packageMustBeActive && !active) throw conflict('packageId', 'conflicts.packageInactive');
    if (routerId !== null && !this.routers.exists(tenantId, routerId)) {
      throw new Failure('VALIDATION_FAILED', {}, { routerId: 'validation.notFound' });
    }
  }

  private assertUsernameFree(tenantId: string, username: string, exceptId: string | null): void {
    const owner = this.stmt.usernameOwner.get(tenantId, username) as string | undefined;
    if (owner && owner !== exceptId) throw conflict('username', 'conflicts.customerUsername');
  }
}

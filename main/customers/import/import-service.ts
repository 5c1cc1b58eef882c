import type { Db } from '../../db/index.js';
import type { EventBus } from '../../bus/index.js';
import type { Clock, IdGenerator } from '../../platform/index.js';
import { isoAt, notFound } from '../../platform/index.js';
import type { SecretBox } from '../../secrets/index.js';
import type { Caller } from '../../module-kit/index.js';
import type { ImportOptions, ImportPreview, ImportReport, ImportRouterRead, ImportRow, ImportSummary } from '../../../shared/domain/customer-import.js';
import type { RouterApi } from '../../network/index.js';
import type { CustomersService } from '../customers-service.js';
import type { PackagesService } from '../packages-service.js';
import { suggestMapping } from './column-mapping.js';
import { planImport, type ExistingCustomer, type ImportPlan, type KnownPackage } from './import-planner.js';
import { readImportTable, type ImportTable } from './import-table.js';
import { readRouterTable, type RouterReader } from './router-source.js';
import { UploadStore } from './upload-store.js';

/** How many customers the tenant's plan allows (the tenant module answers; customers counts who is billable). */
export interface CustomerLimit {
  maxCustomers(tenantId: string): number;
}

/** What an import reads: the table, and the router it came from ("Dari router"; null for a file). */
interface ImportSource {
  fileName: string;
  table: ImportTable;
  routerId: string | null;
}

interface ImportRecord {
  id: string;
  file_name: string;
  user_name: string;
  created_at: string;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  packages_created: string;
  report: string;
}

const HISTORY_SHOWN = 50;

/**
 * The import pipeline: upload -> read into a table -> map columns -> plan (the preview) -> apply
 * the same plan in one immediate transaction. The plan is made again inside that transaction, so
 * what another apply did meanwhile is seen: re-running an import, or two applies at once, never
 * adds anyone twice.
 */
export class ImportService {
  private readonly uploads: UploadStore;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: SecretBox,
    private readonly customers: CustomersService,
    private readonly packages: PackagesService,
    private readonly limit: CustomerLimit,
    private readonly routers: { reader: RouterReader; api: RouterApi },
  ) {
    this.uploads = new UploadStore(ids);
  }

  upload(tenantId: string, input: { uploadId: string | null; fileName: string; part: string }): { uploadId: string; bytes: number } {
    return this.uploads.append(tenantId, input.uploadId, input.fileName, Buffer.from(input.part, 'base64'));
  }

  /** "Dari router": the router's PPP secrets and hotspot users, read now and kept for the preview and the apply. */
  async readRouter(tenantId: string, routerId: string): Promise<ImportRouterRead> {
    const read = await readRouterTable(this.routers.api, this.routers.reader, tenantId, routerId);
    const fileName = `Router ${read.routerName}`;
    const uploadId = this.uploads.putTable(tenantId, fileName, routerId, read.table);
    return { uploadId, fileName, pppSecrets: read.pppSecrets, hotspotUsers: read.hotspotUsers };
  }

  async preview(tenantId: string, options: ImportOptions): Promise<ImportPreview> {
    const source = await this.read(tenantId, options);
    const { fileName, table } = source;
    const suggested = suggestMapping(table.headers);
    const mapping = options.mapping ?? suggested.mapping;
    const plan = this.plan(tenantId, source, options);
    const zeroPrice = [...plan.packagesToCreate.values()].filter((p) => p.price === 0).map((p) => p.name);
    return {
      fileName,
      sheets: table.sheets,
      sheet: table.sheet,
      headers: table.headers,
      mapping,
      source: source.routerId === null ? suggested.source : 'router',
      // A router's rows each say their service; the default only fills a file without one.
      serviceType: options.defaultServiceType ?? (source.routerId === null ? suggested.serviceType : 'pppoe'),
      unknownPackages: plan.unknownPackages,
      zeroPricePackages: zeroPrice,
      limit: { max: this.limit.maxCustomers(tenantId), used: this.customers.countBillable(tenantId) },
      totals: plan.totals,
      rows: plan.rows.map(shownRow),
    };
  }

  async apply(caller: Caller, options: ImportOptions & { requestKey: string }): Promise<ImportReport> {
    const { tenantId } = caller;
    const done = this.byRequestKey(tenantId, options.requestKey);
    if (done) return done;
    const source = await this.read(tenantId, options);
    return this.db
      .transaction(() => {
        // Another apply with the same key may have finished while this one read the file.
        const again = this.byRequestKey(tenantId, options.requestKey);
        if (again) return again;
        const first = this.plan(tenantId, source, options);
        const packagesCreated = [...first.packagesToCreate.values()].map((p) => {
          this.packages.create(tenantId, { name: p.name, price: p.price, routerProfile: p.name.slice(0, 64), rateLimit: '', active: true });
          return p.name;
        });
        const plan = packagesCreated.length > 0 ? this.plan(tenantId, source, options) : first;
        const rows = plan.rows.map((row) => this.write(tenantId, row));
        const id = this.ids.next();
        this.db
          .prepare(`INSERT INTO customer_imports (id, tenant_id, request_key, user_id, user_name, file_name, created, updated, unchanged, skipped,
              packages_created, report, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(id, tenantId, options.requestKey, caller.user.id, caller.user.displayName, source.fileName, plan.totals.new, plan.totals.update,
            plan.totals.unchanged, plan.totals.skipped, JSON.stringify(packagesCreated), JSON.stringify(rows), isoAt(this.clock));
        this.bus.publish('customers_imported', tenantId, { importId: id });
        return this.report(tenantId, id);
      })
      .immediate();
  }

  history(tenantId: string): ImportSummary[] {
    const rows = this.db
      .prepare(`SELECT id, file_name, user_name, created_at, created, updated, unchanged, skipped, packages_created, '[]' AS report
        FROM customer_imports WHERE tenant_id = ? ORDER BY created_at DESC, id DESC LIMIT ${HISTORY_SHOWN}`)
      .all(tenantId) as ImportRecord[];
    return rows.map((r) => summaryOf(r));
  }

  report(tenantId: string, id: string): ImportReport {
    const row = this.db.prepare('SELECT * FROM customer_imports WHERE tenant_id = ? AND id = ?').get(tenantId, id) as ImportRecord | undefined;
    if (!row) throw notFound();
    return { ...summaryOf(row), rows: JSON.parse(row.report) as ImportRow[] };
  }

  private byRequestKey(tenantId: string, requestKey: string): ImportReport | null {
    const id = this.db.prepare('SELECT id FROM customer_imports WHERE tenant_id = ? AND request_key = ?').pluck().get(tenantId, requestKey) as
      | string
      | undefined;
    return id === undefined ? null : this.report(tenantId, id);
  }

  private async read(tenantId: string, options: ImportOptions): Promise<ImportSource> {
    const upload = this.uploads.get(tenantId, options.uploadId);
    if (upload.kind === 'router') return { fileName: upload.fileName, table: upload.table, routerId: upload.routerId };
    return { fileName: upload.fileName, table: await readImportTable(upload.bytes, options.sheet), routerId: null };
  }

  private plan(tenantId: string, { table, routerId }: ImportSource, options: ImportOptions): ImportPlan {
    const suggested = suggestMapping(table.headers);
    const customers = this.db
      .prepare(`SELECT id, code, name, phone, address, area, latitude, longitude, package_id AS packageId, service_type AS serviceType, username,
          billing_day AS billingDay, notes, router_id AS routerId FROM customers WHERE tenant_id = ?`)
      .all(tenantId) as ExistingCustomer[];
    const packages = this.db
      .prepare('SELECT id, name, router_profile AS routerProfile FROM packages WHERE tenant_id = ? AND active = 1')
      .all(tenantId) as KnownPackage[];
    const sealed = this.db.prepare('SELECT pppoe_password FROM customers WHERE tenant_id = ? AND id = ?').pluck();
    const room = Math.max(0, this.limit.maxCustomers(tenantId) - this.customers.countBillable(tenantId));
    return planImport(table, options.mapping ?? suggested.mapping, options, options.defaultServiceType ?? suggested.serviceType, {
      customers,
      packages,
      room,
      passwordOf: (id) => {
        const value = sealed.get(tenantId, id) as string | null | undefined;
        return value ? this.secrets.open(value) : null;
      },
      sourceRouterId: routerId,
    });
  }

  private write(tenantId: string, { write, ...row }: ImportPlan['rows'][number]): ImportRow {
    if (write?.kind === 'create') {
      const { password, ...customer } = write.customer;
      const sealedPassword = password === null ? null : this.secrets.seal(password);
      return { ...row, customerId: this.customers.insertImported(tenantId, { ...customer, sealedPassword }) };
    }
    if (write?.kind === 'update' && row.customerId !== null) {
      const { password, ...patch } = write.patch;
      this.customers.updateImported(tenantId, row.customerId, patch, password ? this.secrets.seal(password) : null);
    }
    return row;
  }
}

const shownRow = ({ write: _write, ...row }: ImportPlan['rows'][number]): ImportRow => row;

function summaryOf(r: ImportRecord): ImportSummary {
  return {
    id: r.id,
    fileName: r.file_name,
    userName: r.user_name,
    createdAt: r.created_at,
    totals: { new: r.created, update: r.updated, unchanged: r.unchanged, skipped: r.skipped },
    packagesCreated: JSON.parse(r.packages_created) as string[],
  };
}

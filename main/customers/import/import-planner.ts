import type { ImportMapping, ImportOptions, ImportPreview, ImportRow, ImportTotals, SkipReason } from '../../../shared/domain/customer-import.js';
import { nameKey } from '../customer-search.js';
import type { ImportTable } from './import-table.js';
import { readRow, type RowCandidate } from './row-reader.js';
import { suggestPackage } from './package-suggestion.js';

/** A customer as the import compares it (the sealed PPPoE password is opened only when a row has one). */
export interface ExistingCustomer {
  id: string;
  code: string;
  name: string;
  phone: string;
  address: string;
  area: string;
  latitude: number | null;
  longitude: number | null;
  packageId: string;
  serviceType: 'pppoe' | 'hotspot';
  username: string;
  billingDay: number;
  notes: string;
  routerId: string | null;
}

export interface KnownPackage {
  id: string;
  name: string;
  routerProfile: string;
}

export interface PlanContext {
  customers: readonly ExistingCustomer[];
  packages: readonly KnownPackage[];
  /** How many more customers the plan takes (a disabled one takes none). */
  room: number;
  passwordOf(customerId: string): string | null;
  /**
   * The router the rows were read from ("Dari router"), null for a file: new customers get it, a
   * matched customer without a router gets it, and one on another router is left as it is.
   */
  sourceRouterId: string | null;
}

/** What a new row inserts, or the fields an update sets (only those the file says and that differ). */
export type CustomerWrite = Omit<ExistingCustomer, 'id' | 'code'> & {
  password: string | null;
  status: 'active' | 'inactive';
};

/** An update never changes the status: isolation and deactivation are the operator's, not a file's. */
export type CustomerPatch = Partial<Omit<CustomerWrite, 'status'>>;

export interface PlannedRow extends ImportRow {
  /** What the apply writes: a whole customer for 'new', the changed fields for 'update'. */
  write: { kind: 'create'; customer: CustomerWrite } | { kind: 'update'; patch: CustomerPatch } | null;
}

export interface ImportPlan {
  rows: PlannedRow[];
  totals: ImportTotals;
  unknownPackages: ImportPreview['unknownPackages'];
  /** Packages the apply creates first, by lower-cased name: the name as first written and the price decided. */
  packagesToCreate: Map<string, { name: string; price: number }>;
}

const PENDING = 'pending:';
/** A profile the operator chose to leave out ("lewati baris profil ini"). */
const SKIPPED = 'skipped';

/**
 * The dry run and the apply share this plan, so what the preview promises is what the apply does.
 * A row finds its customer by username (case aside), then by code, then, when it has no username,
 * by phone (the one customer with it, or among several the one with the same name: families share
 * a number), then by the name alone when it has no phone either. Username wins: a row whose
 * username is one customer's and whose code is another's updates the first. Found: an update of
 * what the file says and the customer lacks or has otherwise (an empty cell never clears a field;
 * the status is never changed). Not found: a new customer, if the plan has room.
 */
export function planImport(table: ImportTable, mapping: ImportMapping, options: ImportOptions, serviceType: 'pppoe' | 'hotspot', ctx: PlanContext): ImportPlan {
  const index = indexCustomers(ctx.customers);
  const packageIds = new Set(ctx.packages.map((p) => p.id));
  const packages = new Map<string, string>();
  for (const p of ctx.packages) {
    if (p.routerProfile !== '') packages.set(p.routerProfile.toLowerCase(), p.id);
  }
  // A package's own name wins over another's router profile of the same text.
  for (const p of ctx.packages) packages.set(p.name.toLowerCase(), p.id);
  const claimed = new Set(ctx.customers.map((c) => c.username.toLowerCase()));
  const seen = new Set<string>();
  const unknown = new Map<string, { name: string; rows: number }>();
  const packagesToCreate = new Map<string, { name: string; price: number }>();
  let room = ctx.room;

  /** The package's id, a pending one the apply creates, SKIPPED, or null when the file names a package no one has. */
  const resolvePackage = (written: string): string | null => {
    const lower = written.toLowerCase();
    const known = packages.get(lower);
    if (known) return known;
    const decision = options.packages[lower];
    // A package chosen on an older screen may have been deactivated since: the row waits for a new choice.
    if (decision?.action === 'map' && packageIds.has(decision.packageId)) return decision.packageId;
    if (decision?.action === 'create') return PENDING + lower;
    if (decision?.action === 'skip') return SKIPPED;
    const entry = unknown.get(lower) ?? { name: written, rows: 0 };
    entry.rows += 1;
    unknown.set(lower, entry);
    return null;
  };

  const rows = table.rows.map(({ line, cells }): PlannedRow => {
    const row = readRow(line, cells, mapping);
    const skip = (reason: SkipReason, customerId: string | null = null): PlannedRow => ({ ...shown(row), outcome: 'skipped', reason, matchedBy: null, customerId, changes: [], write: null });
    if (row.problem) return skip(row.problem);
    const match = findCustomer(row, index);
    const identity = match ? `id:${match.customer.id}` : identityOf(row);
    if (seen.has(identity)) return skip('duplicateInFile', match?.customer.id ?? null);
    seen.add(identity);

    const fallback = options.defaultPackageId !== null && packageIds.has(options.defaultPackageId) ? options.defaultPackageId : null;
    let packageId: string | null = match?.customer.packageId ?? fallback;
    if (row.packageName !== null) {
      const resolved = resolvePackage(row.packageName);
      if (resolved === null) return skip('unknownPackage');
      if (resolved === SKIPPED) return skip('packageSkipped', match?.customer.id ?? null);
      packageId = resolved;
    }
    if (packageId === null) return skip('missingPackage');

    if (match) {
      const { customer } = match;
      if (ctx.sourceRouterId !== null && customer.routerId !== null && customer.routerId !== ctx.sourceRouterId) return skip('otherRouter', customer.id);
      if (row.username !== null && row.username.toLowerCase() !== customer.username.toLowerCase()) {
        if (claimed.has(row.username.toLowerCase())) return skip('usernameTaken', customer.id);
        claimed.add(row.username.toLowerCase());
      }
      const write = changesOf(row, customer, packageId, ctx.passwordOf);
      if (ctx.sourceRouterId !== null && customer.routerId === null) write.routerId = ctx.sourceRouterId;
      const changes = changedFields(write);
      notePending(packageId, row, options, packagesToCreate);
      return {
        ...shown(row),
        username: write.username ?? customer.username,
        outcome: changes.length > 0 ? 'update' : 'unchanged',
        reason: null,
        matchedBy: match.rule,
        customerId: customer.id,
        changes,
        write: changes.length > 0 ? { kind: 'update', patch: write } : null,
      };
    }

    const username = row.username ?? freeUsername(row.name ?? '', claimed);
    const active = !row.disabled;
    if (active && room <= 0) return skip('limitReached');
    if (active) room -= 1;
    claimed.add(username.toLowerCase());
    notePending(packageId, row, options, packagesToCreate);
    const write: CustomerWrite = {
      name: row.name ?? username,
      phone: row.phone ?? '',
      address: row.address ?? '',
      area: row.area ?? '',
      latitude: row.latitude,
      longitude: row.longitude,
      packageId,
      serviceType: row.serviceType ?? options.defaultServiceType ?? serviceType,
      username,
      billingDay: row.billingDay ?? 1,
      notes: row.notes ?? '',
      routerId: ctx.sourceRouterId,
      password: row.password,
      status: active ? 'active' : 'inactive',
    };
    return { ...shown(row), username, outcome: 'new', reason: null, matchedBy: null, customerId: null, changes: [], write: { kind: 'create', customer: write } };
  });

  const totals: ImportTotals = { new: 0, update: 0, unchanged: 0, skipped: 0 };
  for (const r of rows) totals[r.outcome] += 1;
  const unknownPackages = [...unknown.values()].map((u) => ({ ...u, suggestedPackageId: suggestPackage(u.name, ctx.packages) }));
  return { rows, totals, unknownPackages, packagesToCreate };
}

/** The package a pending id stands for, once the apply has created it. */
export const pendingPackageName = (packageId: string): string | null => (packageId.startsWith(PENDING) ? packageId.slice(PENDING.length) : null);

function notePending(packageId: string, row: RowCandidate, options: ImportOptions, into: ImportPlan['packagesToCreate']): void {
  const lower = pendingPackageName(packageId);
  const decision = lower === null ? undefined : options.packages[lower];
  if (lower !== null && decision?.action === 'create' && !into.has(lower)) into.set(lower, { name: row.packageName ?? lower, price: decision.price });
}

const shown = (row: RowCandidate): Omit<ImportRow, 'outcome' | 'reason' | 'matchedBy' | 'customerId' | 'changes'> => ({
  line: row.line,
  name: row.name ?? row.username ?? '',
  phone: row.phone ?? '',
  username: row.username ?? '',
  packageName: row.packageName ?? '',
});

interface CustomerIndex {
  byUsername: Map<string, ExistingCustomer>;
  byCode: Map<string, ExistingCustomer>;
  byPhone: Map<string, ExistingCustomer[]>;
  byName: Map<string, ExistingCustomer[]>;
}

function indexCustomers(customers: readonly ExistingCustomer[]): CustomerIndex {
  const index: CustomerIndex = { byUsername: new Map(), byCode: new Map(), byPhone: new Map(), byName: new Map() };
  const push = (map: Map<string, ExistingCustomer[]>, k: string, c: ExistingCustomer) => map.set(k, [...(map.get(k) ?? []), c]);
  for (const c of customers) {
    index.byUsername.set(c.username.toLowerCase(), c);
    index.byCode.set(c.code.toUpperCase(), c);
    if (c.phone !== '') push(index.byPhone, c.phone, c);
    push(index.byName, nameKey(c.name), c);
  }
  return index;
}

type MatchRule = 'username' | 'code' | 'phone' | 'name';

function findCustomer(row: RowCandidate, index: CustomerIndex): { customer: ExistingCustomer; rule: MatchRule } | null {
  const found = (customer: ExistingCustomer | undefined, rule: MatchRule) => (customer ? { customer, rule } : null);
  const byUsername = row.username === null ? null : found(index.byUsername.get(row.username.toLowerCase()), 'username');
  const byCode = row.code === null ? null : found(index.byCode.get(row.code), 'code');
  if (byUsername ?? byCode) return byUsername ?? byCode;
  // A row with a username no one has is a new account, even at a number the family already uses.
  if (row.username !== null) return null;
  const key = nameKey(row.name ?? '');
  if (row.phone !== null) {
    const same = index.byPhone.get(row.phone) ?? [];
    const sameName = same.filter((c) => nameKey(c.name) === key);
    return found(same.length === 1 ? same[0] : sameName.length === 1 ? sameName[0] : undefined, 'phone');
  }
  const sameName = index.byName.get(key) ?? [];
  return found(sameName.length === 1 ? sameName[0] : undefined, 'name');
}

/** Two rows of the file are the same customer when they would be found by the same key. */
function identityOf(row: RowCandidate): string {
  if (row.username !== null) return `u:${row.username.toLowerCase()}`;
  const key = nameKey(row.name ?? '');
  return row.phone !== null ? `p:${row.phone}:${key}` : `n:${key}`;
}

function changesOf(row: RowCandidate, c: ExistingCustomer, packageId: string, passwordOf: PlanContext['passwordOf']): CustomerPatch {
  const write: CustomerPatch = {};
  if (row.name !== null && row.name !== c.name) write.name = row.name;
  if (row.phone !== null && row.phone !== c.phone) write.phone = row.phone;
  if (row.address !== null && row.address !== c.address) write.address = row.address;
  if (row.area !== null && row.area !== c.area) write.area = row.area;
  if (row.latitude !== null && row.latitude !== c.latitude) write.latitude = row.latitude;
  if (row.longitude !== null && row.longitude !== c.longitude) write.longitude = row.longitude;
  if (packageId !== c.packageId) write.packageId = packageId;
  if (row.serviceType !== null && row.serviceType !== c.serviceType) write.serviceType = row.serviceType;
  // Matched case aside (as the customer form's uniqueness is), so a file writing BUDI for budi changes nothing.
  if (row.username !== null && row.username.toLowerCase() !== c.username.toLowerCase()) write.username = row.username;
  if (row.billingDay !== null && row.billingDay !== c.billingDay) write.billingDay = row.billingDay;
  if (row.notes !== null && row.notes !== c.notes) write.notes = row.notes;
  if (row.password !== null && row.password !== passwordOf(c.id)) write.password = row.password;
  return write;
}

type ImportChange = ImportRow['changes'][number];

const FIELD_OF: Record<keyof CustomerPatch, ImportChange> = {
  name: 'name',
  phone: 'phone',
  address: 'address',
  area: 'area',
  latitude: 'coordinates',
  longitude: 'coordinates',
  packageId: 'package',
  serviceType: 'serviceType',
  username: 'username',
  billingDay: 'billingDay',
  notes: 'notes',
  password: 'password',
  routerId: 'router',
};

function changedFields(write: CustomerPatch): ImportChange[] {
  return [...new Set((Object.keys(write) as (keyof CustomerPatch)[]).map((k) => FIELD_OF[k]))];
}

/** A login made from the name for a sheet without usernames ("Siti Aminah" -> siti.aminah, then siti.aminah2). */
function freeUsername(name: string, claimed: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '.')
      .replace(/^\.+|\.+$/g, '')
      .slice(0, 40) || 'pelanggan';
  let candidate = base;
  for (let n = 2; claimed.has(candidate); n++) candidate = `${base}${n}`;
  return candidate;
}

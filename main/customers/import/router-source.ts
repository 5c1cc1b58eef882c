import { Failure } from '../../platform/index.js';
import { RouterError, type RouterApi, type RouterTarget, type Row } from '../../network/index.js';
import { IMPORT_MAX_ROWS } from '../../../shared/domain/customer-import.js';
import { isAccountMark } from '../../../shared/domain/provisioning.js';
import type { ImportTable } from './import-table.js';

/** What the import asks of the network module about the router it reads (its name, how to log in). */
export interface RouterReader {
  get(tenantId: string, id: string): { name: string };
  target(tenantId: string, id: string): RouterTarget;
}

/** Mikhmon's column names: the suggested mapping reads `name` as the login, `comment` as notes. */
const HEADERS = ['name', 'password', 'profile', 'service', 'comment', 'disabled'];
/** What is read of both menus; the `service` column is ours (pppoe for a secret, hotspot for a user), so it is not asked for. */
const USER_FIELDS = ['name', 'password', 'profile', 'comment', 'disabled'];

export interface RouterTable {
  routerName: string;
  table: ImportTable;
  pppSecrets: number;
  hotspotUsers: number;
}

/**
 * "Dari router": a router's PPP secrets and hotspot users as an import table (one print each, only
 * the fields imported). A PPP secret is a PPPoE customer whatever its `service` (any, pppoe): the
 * console knows PPPoE and hotspot. A router that cannot be read is said plainly, as "Tes koneksi"
 * says it.
 */
export async function readRouterTable(api: RouterApi, routers: RouterReader, tenantId: string, routerId: string): Promise<RouterTable> {
  const { name } = routers.get(tenantId, routerId);
  const ref = { id: routerId, ...routers.target(tenantId, routerId) };
  let secrets: Row[];
  let users: Row[];
  try {
    [secrets, users] = await Promise.all([
      api.print(ref, '/ppp/secret', {}, USER_FIELDS),
      api.print(ref, '/ip/hotspot/user', {}, USER_FIELDS),
    ]);
  } catch (error) {
    if (!(error instanceof RouterError)) throw error;
    throw new Failure('VALIDATION_FAILED', {}, { routerId: { key: `routeros.${error.code}`, params: { detail: error.detail ?? '' } } });
  }
  // Our own mark (provisioning's comment) is no note: read as an empty cell, which never clears the customer's notes.
  const note = (comment: string) => (isAccountMark(comment) ? '' : comment);
  const cells = (row: Row, service: string) => [row.name ?? '', row.password ?? '', row.profile ?? '', service, note(row.comment ?? ''), row.disabled ?? ''];
  const raw = [...secrets.map((row) => cells(row, 'pppoe')), ...users.map((row) => cells(row, 'hotspot'))];
  if (raw.length > IMPORT_MAX_ROWS) throw new Failure('VALIDATION_FAILED', {}, { routerId: { key: 'importErrors.tooManyRows', params: { max: IMPORT_MAX_ROWS } } });
  return {
    routerName: name,
    pppSecrets: secrets.length,
    hotspotUsers: users.length,
    // Line 1 is the header, as in a file: the report's line numbers count the same way.
    table: { sheets: [], sheet: null, headers: HEADERS, rows: raw.map((row, i) => ({ line: i + 2, cells: row })) },
  };
}

import type { Customer } from '../../../shared/domain/customer.js';
import type { Download } from '../../../shared/domain/customer-import.js';
import type { Clock } from '../../platform/index.js';
import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../../shared/util/time.js';
import type { CustomersService } from '../customers-service.js';
import type { Locale } from '../../../shared/domain/user.js';
import { translate } from '../../../shared/i18n/index.js';
import { formatPhoneLocal } from '../../../shared/util/phone.js';
import { excelText, writeCsv } from '../../../shared/util/csv.js';

const COLUMNS = ['code', 'name', 'phone', 'address', 'area', 'package', 'price', 'username', 'service', 'billingDay', 'latitude', 'longitude', 'status', 'notes'] as const;

/** One customer as a row of the export: the phone in the 08xx form people write, the price a number of rupiah. */
function row(c: Customer, locale: Locale): (string | number | null)[] {
  return [
    c.code,
    c.name,
    c.phone === '' ? '' : formatPhoneLocal(c.phone),
    c.address,
    c.area,
    c.packageName,
    c.packagePrice,
    c.username,
    c.serviceType === 'pppoe' ? 'PPPoE' : 'Hotspot',
    c.billingDay,
    c.latitude,
    c.longitude,
    translate(locale, `customerExport.status_${c.status}`),
    c.notes,
  ];
}

/**
 * The customer list as a file that Excel opens as it should and that the import reads back as
 * "unchanged": headers in the operator's language (which the import's mapping knows), phones as
 * text (never a number that loses its 0), rupiah and coordinates as numbers.
 */
async function toFile(customers: readonly Customer[], format: 'csv' | 'xlsx', locale: Locale, stamp: string): Promise<Download> {
  const headers = COLUMNS.map((c) => translate(locale, `customerExport.${c}`));
  const base = `${translate(locale, 'customerExport.fileName')}-${stamp}`;
  if (format === 'csv') {
    const rows = customers.map((c) => row(c, locale).map((v, i) => (COLUMNS[i] === 'phone' && typeof v === 'string' ? excelText(v) : v)));
    const data = writeCsv([headers, ...rows], locale === 'id' ? ';' : ',');
    return { fileName: `${base}.csv`, mimeType: 'text/csv', data: Buffer.from(data, 'utf8').toString('base64') };
  }
  // Loaded on first use: exceljs takes half a second to import, which every start of the app would pay.
  const { default: Excel } = await import('exceljs');
  const book = new Excel.Workbook();
  const sheet = book.addWorksheet(translate(locale, 'customerExport.sheet'));
  sheet.addRow(headers).font = { bold: true };
  for (const c of customers) sheet.addRow(row(c, locale));
  const phone = sheet.getColumn(COLUMNS.indexOf('phone') + 1);
  phone.numFmt = '@';
  sheet.getColumn(COLUMNS.indexOf('price') + 1).numFmt = '#,##0';
  sheet.columns.forEach((column, i) => {
    column.width = i === COLUMNS.indexOf('address') || i === COLUMNS.indexOf('notes') ? 40 : 18;
  });
  const data = Buffer.from(await book.xlsx.writeBuffer());
  return { fileName: `${base}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: data.toString('base64') };
}

/** Pages of the list's own search (the same filter the screen shows), read through to the end. */
const EXPORT_PAGE = 1000;

export class CustomerExporter {
  constructor(
    private readonly customers: CustomersService,
    private readonly clock: Clock,
    private readonly zoneOf: (tenantId: string) => TimeZone,
  ) {}

  async file(
    tenantId: string,
    input: { format: 'csv' | 'xlsx'; query: string; status: Customer['status'] | null; packageId: string | null; area: string | null },
    locale: Locale,
  ): Promise<Download> {
    const all: Customer[] = [];
    let cursor: string | null = null;
    do {
      const page = this.customers.list(tenantId, { query: input.query, status: input.status, packageId: input.packageId, area: input.area, cursor, limit: EXPORT_PAGE });
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor !== null);
    // The file is named after the office's date, not UTC's (at 06:00 WIB, UTC is still yesterday).
    const local = new Date(this.clock.now() + ZONE_OFFSET_MINUTES[this.zoneOf(tenantId)] * 60_000);
    return toFile(all, input.format, locale, local.toISOString().slice(0, 10));
  }
}

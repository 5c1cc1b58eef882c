import type { BillingDocument, DocumentKind } from '../../shared/domain/billing-document.js';
import type { TenantProfile } from '../../shared/domain/tenant-profile.js';
import { ZONE_OFFSET_MINUTES, type TimeZone } from '../../shared/util/time.js';

const DAY = 86_400_000;
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * What "Contoh cetak" prints: this ISP's own profile on a made-up customer with a long name and
 * address, so the operator sees their logo, bank accounts and wrapping on each paper before the
 * first real invoice. This month in the tenant's zone; an invoice due in 10 days, or its receipt.
 */
export function sampleDocument(kind: DocumentKind, isp: TenantProfile, zone: TimeZone, nowMs: number): BillingDocument {
  const local = new Date(nowMs + ZONE_OFFSET_MINUTES[zone] * 60_000);
  const start = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), 1);
  const end = Date.UTC(local.getUTCFullYear(), local.getUTCMonth() + 1, 0);
  const receipt = kind === 'receipt';
  return {
    kind,
    // The shape of billing's numbers (office A's first of the month), so the sample reads like the real paper.
    number: `${receipt ? 'KW' : 'INV'}/${day(start).slice(0, 7).replace('-', '')}/A-00001`,
    issuedAt: new Date(nowMs).toISOString(),
    dueDate: day(start + 9 * DAY),
    period: { start: day(start), end: day(end) },
    timezone: zone,
    isp,
    customer: { name: "Siti Nur'aini binti Abdurrahman", code: 'PLG-0001', address: 'Jl. Kenanga Gg. Mawar No. 12, RT 004/RW 007, Desa Sukamaju', phone: '+6281234567890' },
    lines: [
      { description: 'Paket Rumahan 20 Mbps', amount: 150_000 },
      { description: 'Biaya pemasangan', amount: 100_000 },
      { description: 'Diskon pelanggan baru', amount: -50_000 },
    ],
    subtotal: 200_000,
    ppn: { rate: 0, amount: 0 },
    total: 200_000,
    paid: receipt ? 200_000 : 0,
    balanceDue: receipt ? 0 : 200_000,
    credit: 0,
    payment: receipt ? { method: 'cash', account: '', reference: '', receivedAt: new Date(nowMs).toISOString(), receivedBy: 'Admin', amount: 200_000 } : null,
    paymentUrl: null,
  };
}

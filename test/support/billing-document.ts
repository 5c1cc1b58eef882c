import type { BillingDocument } from '../../shared/domain/billing-document.js';
import { logoPng } from './logo.js';

/** An ISP with everything filled, logo included. */
export const ISP: BillingDocument['isp'] = {
  name: 'Sukamaju Net',
  address: 'Jl. Melati No. 5, RT 02/RW 03\nDesa Sukamaju, Kec. Cibadak',
  phone: '+6281234567890',
  email: 'admin@sukamaju.net.id',
  footer: 'Terima kasih telah berlangganan.\nSimpan kuitansi ini sebagai bukti pembayaran.',
  bankAccounts: [
    { bank: 'BCA', number: '1234567890', holder: 'Budi Santoso' },
    { bank: 'DANA', number: '081234567890', holder: 'Budi Santoso' },
  ],
  logo: { type: 'image/png', base64: logoPng().toString('base64') },
};

/** January's invoice of a customer, with PPN 11%, unpaid. Issued 31/12/2025 23:30 WIB: 16:30 UTC. */
export function invoice(overrides: Partial<BillingDocument> = {}): BillingDocument {
  return {
    kind: 'invoice',
    number: 'INV/202601/0042',
    issuedAt: '2025-12-31T17:30:00.000Z',
    dueDate: '2026-01-10',
    period: { start: '2026-01-01', end: '2026-01-31' },
    timezone: 'Asia/Jakarta',
    isp: ISP,
    customer: { name: "Siti Nur'aini", code: 'PLG-0042', address: 'Jl. Kenanga No. 12, RT 004/RW 007', phone: '+6281398765432' },
    lines: [
      { description: 'Paket Rumahan 20 Mbps', amount: 150_000 },
      { description: 'Diskon', amount: -15_000 },
    ],
    subtotal: 135_000,
    ppn: { rate: 11, amount: 14_850 },
    total: 149_850,
    paid: 0,
    balanceDue: 149_850,
    credit: 0,
    payment: null,
    paymentUrl: 'https://bayar.sukamaju.net.id/INV-202601-0042',
    ...overrides,
  };
}

/** The receipt of that invoice, paid in full by transfer with 150 rupiah more: a credit. */
export function receipt(overrides: Partial<BillingDocument> = {}): BillingDocument {
  return invoice({
    kind: 'receipt',
    number: 'KW/202601/0007',
    issuedAt: '2026-01-08T03:15:00.000Z',
    paid: 150_000,
    balanceDue: 0,
    credit: 150,
    payment: { method: 'transfer', account: 'BCA', reference: 'TRX-889201', receivedAt: '2026-01-08T03:15:00.000Z', receivedBy: 'Dewi (keuangan)', amount: 150_000 },
    ...overrides,
  });
}

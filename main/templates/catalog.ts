import type { TemplateValue } from './evaluate.js';

import type { WaEventKey } from '../../shared/domain/wa.js';

export interface SystemTemplate {
  key: WaEventKey;
  content: string;
  variables: readonly string[];
  /** Realistic values for the editor's preview, raw as events carry them (format with createValueFormatter). */
  sample: Readonly<Record<string, TemplateValue>>;
}

const ISP = 'RT/RW Net Sejahtera';
const SUPPORT_PHONE = '0812-2700-1234';
const PAYMENT_URL = 'https://bayar.rtrwnet.example/INV-202603-0042';

/** The sample doubles as the declaration: every declared variable has a preview value, and no more. */
function template(key: WaEventKey, lines: string[], sample: Record<string, TemplateValue>): SystemTemplate {
  return { key, content: lines.join('\n'), variables: Object.keys(sample), sample };
}

const invoice = {
  name: 'Budi Santoso',
  amount: 150_000,
  invoice_code: 'INV-202603-0042',
  due_date: '2026-03-10',
  payment_url: PAYMENT_URL,
  isp_name: ISP,
};

const templates: SystemTemplate[] = [
  template(
    'invoice_created',
    [
      'Halo {name}, invoice Anda sebesar {amount} untuk periode {period}. ID: {invoice_code}.',
      '{{#if exists(due_date)}}Mohon lakukan pembayaran sebelum {due_date}.{{/if}}',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      'Terima kasih.',
      '{isp_name}',
    ],
    { ...invoice, period: 'Maret 2026' },
  ),
  template(
    'invoice_due_reminder',
    [
      'Halo {name}, tagihan {amount} jatuh tempo pada {due_date}. Silakan bayar untuk menghindari isolir.',
      'ID tagihan: {invoice_code}{{#if exists(period)}}, periode {period}{{/if}}',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      'Abaikan pesan ini jika Anda sudah membayar. Terima kasih.',
      '{isp_name}',
    ],
    { ...invoice, period: 'Maret 2026' },
  ),
  template(
    'payment_promise_made',
    [
      'Halo {name}, janji bayar Anda kami catat: tagihan {amount} (ID: {invoice_code}) dibayar paling lambat {promised_date}.',
      'Layanan internet Anda kami aktifkan kembali sampai tanggal tersebut. Bila belum dibayar, layanan akan diisolir lagi.',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      '{isp_name}',
    ],
    { name: invoice.name, amount: invoice.amount, invoice_code: invoice.invoice_code, promised_date: '2026-03-15', payment_url: PAYMENT_URL, isp_name: ISP },
  ),
  template(
    'payment_promise_broken',
    [
      'Halo {name}, sampai tanggal {promised_date} tagihan {amount} belum kami terima, jadi janji bayar Anda tidak ditepati.',
      'Layanan internet Anda kami isolir (hentikan sementara) lagi, dan akan tersambung kembali secara otomatis setelah pembayaran kami terima.',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      '{isp_name}',
    ],
    { name: invoice.name, amount: invoice.amount, promised_date: '2026-03-15', payment_url: PAYMENT_URL, isp_name: ISP },
  ),
  template(
    'invoice_overdue',
    [
      'Halo {name}, tagihan internet Anda sebesar {amount} (ID: {invoice_code}) telah melewati jatuh tempo {due_date}.',
      '{{#if gt(days_until_isolation, 0)}}',
      'Mohon segera lakukan pembayaran. Tanpa pembayaran, layanan akan diisolir (dihentikan sementara) dalam {days_until_isolation} hari.',
      '{{else}}',
      'Mohon segera lakukan pembayaran agar layanan tidak diisolir (dihentikan sementara).',
      '{{/if}}',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      'Abaikan pesan ini jika Anda sudah membayar.',
      '{isp_name}',
    ],
    { ...invoice, days_until_isolation: 3 },
  ),
  template(
    'invoice_paid',
    [
      'Halo {name},',
      'Pembayaran diterima: {amount}. Terima kasih.',
      'ID tagihan: {invoice_code}',
      '{{#if exists(period)}}Tagihan periode {period} sudah LUNAS.{{/if}}',
      '{{#if exists(paid_at)}}Waktu pembayaran: {paid_at}{{/if}}',
      '{{#if exists(payment_method)}}Metode: {payment_method}{{/if}}',
      '{isp_name}',
    ],
    {
      name: 'Budi Santoso',
      amount: 150_000,
      invoice_code: 'INV-202603-0042',
      period: 'Maret 2026',
      paid_at: '2026-03-08T03:15:00Z',
      payment_method: 'Transfer BRI',
      isp_name: ISP,
    },
  ),
  template(
    'payment_recorded',
    [
      'Halo {name},',
      'Pembayaran Anda sebesar {amount} sudah kami terima. Terima kasih.',
      '{{#if gt(remaining_amount, 0)}}Sisa tagihan: {remaining_amount}{{#if exists(due_date)}}, jatuh tempo {due_date}{{/if}}.{{/if}}',
      '{{#if gt(credit_amount, 0)}}Saldo kredit Anda: {credit_amount}, dipakai untuk tagihan berikutnya.{{/if}}',
      '{{#if exists(payment_url)}}Bayar sisa tagihan online: {payment_url}{{/if}}',
      '{isp_name}',
    ],
    {
      name: 'Budi Santoso',
      amount: 100_000,
      remaining_amount: 50_000,
      due_date: '2026-03-10',
      credit_amount: 0,
      payment_url: PAYMENT_URL,
      isp_name: ISP,
    },
  ),
  template(
    'customer_isolated',
    [
      'Halo {name}, layanan internet Anda untuk sementara kami hentikan (isolir){{#if exists(amount)}} karena tagihan sebesar {amount} (ID: {invoice_code}) belum dibayar{{/if}}.',
      '{{#if exists(payment_instructions)}}',
      'Cara pembayaran:',
      '{payment_instructions}',
      '{{/if}}',
      '{{#if isValidUrl(payment_url)}}Bayar online: {payment_url}{{/if}}',
      'Layanan akan tersambung kembali secara otomatis setelah pembayaran kami terima.',
      '{{#if exists(support_phone)}}Butuh bantuan? Hubungi {support_phone}.{{/if}}',
      '{isp_name}',
    ],
    {
      name: 'Budi Santoso',
      amount: 150_000,
      invoice_code: 'INV-202603-0042',
      payment_instructions: `Transfer ke BRI 0123-01-000456-50-7 a.n. ${ISP}, atau bayar tunai di kantor kami.`,
      payment_url: PAYMENT_URL,
      support_phone: SUPPORT_PHONE,
      isp_name: ISP,
    },
  ),
  template(
    'customer_reconnected',
    [
      'Halo {name}, terima kasih atas pembayarannya. Layanan internet Anda sudah aktif kembali.',
      '{{#if exists(package_name)}}Paket: {package_name}{{/if}}',
      'Jika internet belum tersambung, silakan matikan lalu nyalakan kembali modem/router Anda.{{#if exists(support_phone)}} Bila masih terkendala, hubungi kami di {support_phone}.{{/if}}',
      '{isp_name}',
    ],
    { name: 'Budi Santoso', package_name: 'Home 20 Mbps', support_phone: SUPPORT_PHONE, isp_name: ISP },
  ),
  template(
    'outage_started',
    [
      'Halo {name}, saat ini terjadi gangguan jaringan di area {area}{{#if exists(cause)}} karena {cause}{{/if}}.',
      'Teknisi kami sedang menanganinya.',
      '{{#if exists(estimated_resolution_at)}}Perkiraan normal kembali: {estimated_resolution_at}.{{/if}}',
      'Mohon maaf atas ketidaknyamanannya.',
      '{isp_name}',
    ],
    {
      name: 'Siti Aminah',
      area: 'Karangklesem, Purwokerto Selatan',
      cause: 'kabel fiber putus',
      estimated_resolution_at: '2026-03-08T10:00:00Z',
      isp_name: ISP,
    },
  ),
  template(
    'outage_resolved',
    [
      'Halo {name}, gangguan jaringan di area {area} sudah teratasi{{#if exists(resolved_at)}} sejak {resolved_at}{{/if}}. Layanan internet sudah normal kembali.',
      'Jika koneksi Anda masih bermasalah, silakan matikan lalu nyalakan kembali modem/router Anda atau hubungi kami di {support_phone}.',
      'Terima kasih atas kesabaran Anda.',
      '{isp_name}',
    ],
    {
      name: 'Siti Aminah',
      area: 'Karangklesem, Purwokerto Selatan',
      resolved_at: '2026-03-08T09:40:00Z',
      support_phone: SUPPORT_PHONE,
      isp_name: ISP,
    },
  ),
  template(
    'technician_assigned',
    [
      '[{isp_name}] Tugas baru untuk {technician_name}',
      'Kode tugas: {task_code}',
      'Jenis: {task_type}',
      'Pelanggan: {customer_name}',
      '{{#if exists(customer_phone)}}No. HP pelanggan: {customer_phone}{{/if}}',
      'Alamat: {address}',
      '{{#if exists(scheduled_at)}}Jadwal: {scheduled_at}{{/if}}',
      '{{#if isValidUrl(maps_url)}}Lokasi: {maps_url}{{/if}}',
      '{{#if exists(notes)}}Catatan: {notes}{{/if}}',
      'Mohon kabari kantor setelah tugas selesai.',
    ],
    {
      isp_name: ISP,
      technician_name: 'Agus',
      task_code: 'TGS-0315',
      task_type: 'Perbaikan gangguan',
      customer_name: 'Budi Santoso',
      customer_phone: '0813-2900-5678',
      address: 'Jl. Gerilya No. 12, RT 03/RW 05, Tanjung, Purwokerto Selatan',
      scheduled_at: '2026-03-09T02:00:00Z',
      maps_url: 'https://maps.google.com/?q=-7.4446,109.2372',
      notes: 'Lampu LOS di modem menyala merah.',
    },
  ),
  template(
    'technician_escalated',
    [
      '[{isp_name}] Eskalasi tugas {task_code}',
      'Jenis: {task_type}',
      'Pelanggan: {customer_name}, {address}',
      'Teknisi: {technician_name}',
      'Alasan: {reason}',
      '{{#if gt(overdue_hours, 0)}}Terlambat {overdue_hours} jam dari target penyelesaian.{{/if}}',
      'Mohon segera ditindaklanjuti.',
    ],
    {
      isp_name: ISP,
      task_code: 'TGS-0315',
      task_type: 'Perbaikan gangguan',
      customer_name: 'Budi Santoso',
      address: 'Jl. Gerilya No. 12, RT 03/RW 05, Tanjung, Purwokerto Selatan',
      technician_name: 'Agus',
      reason: 'Perlu penggantian kabel drop, stok kabel habis.',
      overdue_hours: 5,
    },
  ),
  template(
    'voucher_generated',
    [
      'Voucher Anda: {voucher_code}. Berlaku sampai {expire_at}.',
      '{{#if exists(package_name)}}Paket: {package_name}{{/if}}',
      '{{#if exists(hotspot_name)}}Cara pakai: sambungkan ke WiFi "{hotspot_name}", lalu masukkan kode voucher di halaman login.{{/if}}',
      'Terima kasih telah menggunakan layanan {isp_name}.',
    ],
    {
      voucher_code: 'RRN-7K4P-92QX',
      expire_at: '2026-03-15T16:59:00Z',
      package_name: 'Voucher 1 Minggu',
      hotspot_name: 'Sejahtera-Hotspot',
      isp_name: ISP,
    },
  ),
  template(
    'manual_broadcast',
    [
      // The operator's own text may already greet ("Halo {name}, ..."): then the frame does not greet again.
      '{{#if not(isTrue(message_greets))}}',
      '{{#if exists(name)}}Halo {name},{{else}}Halo Pelanggan,{{/if}}',
      '{{/if}}',
      '{message}',
      '',
      'Salam,',
      '{isp_name}',
    ],
    {
      name: 'Budi Santoso',
      message_greets: false,
      message: 'Besok, Minggu 15 Maret pukul 01.00-03.00 WIB, ada pemeliharaan jaringan. Internet mungkin terputus sebentar.',
      isp_name: ISP,
    },
  ),
  template(
    'customer_welcome',
    [
      'Selamat datang di {isp_name}, {name}!',
      'Paket Anda: {package_name} ({package_price}/bulan), tagihan setiap tanggal {billing_day}.',
      '{{#if exists(username)}}Username layanan: {username}{{/if}}',
      'Simpan nomor ini untuk info tagihan dan gangguan.',
    ],
    { isp_name: ISP, name: 'Budi Santoso', package_name: 'Keluarga 20 Mbps', package_price: 200_000, billing_day: 10, username: 'budi.santoso' },
  ),
  template(
    'test_message',
    [
      'Ini pesan uji dari RRNet Console untuk {isp_name}.',
      'Jika pesan ini Anda terima, pengaturan WhatsApp sudah benar.',
      '{{#if exists(sent_at)}}Dikirim: {sent_at}{{/if}}',
    ],
    { isp_name: ISP, sent_at: '2026-03-08T01:00:00Z' },
  ),
];

export const SYSTEM_TEMPLATES: Readonly<Record<WaEventKey, SystemTemplate>> = Object.fromEntries(
  templates.map((t) => [t.key, t]),
) as Record<WaEventKey, SystemTemplate>;

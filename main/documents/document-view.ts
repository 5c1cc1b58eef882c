import type { BillingDocument } from '../../shared/domain/billing-document.js';
import type { Locale } from '../../shared/domain/user.js';
import type { Logo } from '../../shared/domain/tenant-profile.js';
import { translate } from '../../shared/i18n/index.js';
import { formatRupiah } from '../../shared/util/money.js';
import { formatPhoneLocal } from '../../shared/util/phone.js';
import { ZONE_OFFSET_MINUTES, formatDateTime, type TimeZone } from '../../shared/util/time.js';

export interface Row {
  label: string;
  value: string;
  strong?: boolean;
}

/**
 * What a document says, in the reader's language and already formatted: the one source both the
 * print HTML and the PDF lay out, so the two never disagree on a label, an amount or a date.
 */
export interface DocumentView {
  title: string;
  isp: { name: string; lines: string[]; logo: Logo | null };
  meta: Row[];
  customer: Row[];
  lineHeader: Row;
  lines: Row[];
  totals: Row[];
  /** A stamp across a receipt (or invoice) that leaves nothing owed. */
  stamp: string | null;
  payment: Row[];
  payTo: string[];
  footer: string[];
  labels: { customer: string; payment: string; payTo: string };
}

/** 2026-01-31 -> 31/01/2026: a calendar day has no zone to convert. */
function calendarDay(date: string): string {
  const [year, month, day] = date.split('-');
  return `${day}/${month}/${year}`;
}

/** The day an instant falls on in the tenant's zone (Indonesia keeps no daylight saving: one offset). */
function dayInZone(iso: string, zone: TimeZone): string {
  const shifted = new Date(Date.parse(iso) + ZONE_OFFSET_MINUTES[zone] * 60_000);
  return calendarDay(shifted.toISOString().slice(0, 10));
}

/** Customers' phones are stored E.164; printed the way people dial them (0812-...). */
function phone(value: string): string {
  return value.startsWith('+') ? formatPhoneLocal(value) : value;
}

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

const present = (row: Row) => row.value !== '';

export function documentView(doc: BillingDocument, lang: Locale): DocumentView {
  const t = (key: string, params?: Record<string, string | number>) => translate(lang, `documents.${key}`, params);
  const money = (amount: number) => formatRupiah(amount);
  const owes = doc.balanceDue > 0;
  const { isp, customer, payment } = doc;

  const totals: Row[] = [{ label: t('subtotal'), value: money(doc.subtotal) }];
  // No PPN line at 0%: most RT/RW Net ISPs are not PKP (not registered for VAT) and print none.
  if (doc.ppn.rate > 0) totals.push({ label: t('ppn', { rate: String(doc.ppn.rate).replace('.', lang === 'id' ? ',' : '.') }), value: money(doc.ppn.amount) });
  totals.push({ label: t('total'), value: money(doc.total), strong: true });
  if (doc.paid > 0) totals.push({ label: t('paid'), value: money(doc.paid) });
  if (doc.kind === 'invoice' || owes) totals.push({ label: t('balanceDue'), value: money(doc.balanceDue), strong: doc.kind === 'invoice' });
  if (doc.credit > 0) totals.push({ label: t('credit'), value: money(doc.credit) });

  const paymentRows: Row[] = payment
    ? [
        { label: t('paymentAmount'), value: money(payment.amount), strong: true },
        { label: t('method'), value: [t(payment.method), payment.account].filter((part) => part !== '').join(' ') },
        { label: t('reference'), value: payment.reference },
        { label: t('receivedAt'), value: formatDateTime(payment.receivedAt, doc.timezone, lang) },
        { label: t('receivedBy'), value: payment.receivedBy },
      ].filter(present)
    : [];

  return {
    title: t(doc.kind),
    isp: {
      name: isp.name,
      lines: [...lines(isp.address), ...(isp.phone ? [t('ispPhone', { phone: phone(isp.phone) })] : []), ...(isp.email ? [isp.email] : [])],
      logo: isp.logo,
    },
    meta: [
      { label: t('number'), value: doc.number },
      { label: t('issued'), value: dayInZone(doc.issuedAt, doc.timezone) },
      { label: t('period'), value: doc.period ? `${calendarDay(doc.period.start)} - ${calendarDay(doc.period.end)}` : '' },
      { label: t('due'), value: doc.dueDate && doc.kind === 'invoice' ? calendarDay(doc.dueDate) : '' },
    ].filter(present),
    customer: [
      { label: t('customer'), value: customer.name, strong: true },
      { label: t('code'), value: customer.code },
      { label: t('address'), value: customer.address },
      { label: t('phone'), value: phone(customer.phone) },
    ].filter(present),
    lineHeader: { label: t('description'), value: t('amount') },
    lines: doc.lines.map((line) => ({ label: line.description, value: money(line.amount) })),
    totals,
    stamp: doc.total > 0 && !owes && doc.paid > 0 ? t('paidInFull') : null,
    payment: paymentRows,
    // Where to pay, only while something is owed: a settled receipt needs no bank account.
    payTo: owes
      ? [
          ...isp.bankAccounts.map((a) => `${a.bank} ${a.number} ${t('holder', { holder: a.holder })}`),
          ...(doc.paymentUrl ? [`${t('payOnline')}: ${doc.paymentUrl}`] : []),
        ]
      : [],
    footer: lines(isp.footer),
    labels: { customer: t('customer'), payment: t('payment'), payTo: t('payTo') },
  };
}

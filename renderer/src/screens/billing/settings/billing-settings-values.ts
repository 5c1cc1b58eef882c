import { z } from 'zod';
import { billingSettingsUpdateSchema, type BillingSettings } from '../../../../../shared/domain/billing.js';
import { loopSettingsSchema, type LoopSettings } from '../../../../../shared/domain/billing-loop.js';

/**
 * The two settings forms as typed (every number is a text box, read the way the office writes it),
 * on their way to the contract's own schemas: each field is checked in the first round, so one
 * Simpan shows every wrong field at once.
 */

/** "11", "11,5", "11.5" or "11 %": PPN as the office writes it, in basis points (1100); null when it is not a percent with at most two decimals. */
export function parsePercentBps(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim().replace(/\s*%$/, ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}

/** Basis points as the form shows them: 1100 -> "11", 1150 -> "11,5". */
export function percentText(bps: number): string {
  return String(bps / 100).replace('.', ',');
}

/** A whole number typed in a box ("7"), then the contract's rule for it (its range). */
function wholeText<S extends z.ZodType<number, number>>(rule: S) {
  return z
    .string()
    .transform((text, ctx) => {
      const trimmed = text.trim();
      if (/^\d{1,6}$/.test(trimmed)) return Number(trimmed);
      ctx.addIssue({ code: 'custom', message: trimmed === '' ? 'validation.required' : 'validation.invalid' });
      return z.NEVER;
    })
    .pipe(rule);
}

const settings = billingSettingsUpdateSchema.shape;

export const billingSettingsFormSchema = z
  .object({
    ppnPercent: z
      .string()
      .transform((text, ctx) => {
        const bps = parsePercentBps(text);
        if (bps !== null) return bps;
        ctx.addIssue({ code: 'custom', message: text.trim() === '' ? 'validation.required' : 'validation.percent' });
        return z.NEVER;
      })
      .pipe(settings.ppnBps.unwrap()),
    dueDays: wholeText(settings.dueDays.unwrap()),
    graceDays: wholeText(settings.graceDays.unwrap()),
    prorateFirstMonth: z.boolean(),
    invoiceIsolated: z.boolean(),
    invoiceInactive: z.boolean(),
    notifyInvoiceCreated: z.boolean(),
    paymentUrlPattern: settings.paymentUrlPattern.unwrap(),
    officeCode: settings.officeCode.unwrap(),
  })
  .transform(({ ppnPercent, ...rest }) => ({ ...rest, ppnBps: ppnPercent }));
export type BillingSettingsFormValues = z.input<typeof billingSettingsFormSchema>;

export function billingSettingsDefaults(s: BillingSettings): BillingSettingsFormValues {
  return {
    ppnPercent: percentText(s.ppnBps),
    dueDays: String(s.dueDays),
    graceDays: String(s.graceDays),
    prorateFirstMonth: s.prorateFirstMonth,
    invoiceIsolated: s.invoiceIsolated,
    invoiceInactive: s.invoiceInactive,
    notifyInvoiceCreated: s.notifyInvoiceCreated,
    paymentUrlPattern: s.paymentUrlPattern,
    officeCode: s.officeCode,
  };
}

const REMINDER_DAYS_MAX = 10;
const REMINDER_DAY_LIMIT = 30;

/**
 * "-3, -1, 0" (or "-3 -1 0", "−3; +2"): reminder days counted from the due date, as typed; null
 * when a part is not a whole number from -30 to 30 or there are more than ten. Empty is none: a
 * tenant may send no reminders at all (the overdue notice still goes).
 */
export function parseReminderDays(text: string): number[] | null {
  const parts = text
    .replace(/\u2212/g, '-')
    .split(/[\s,;]+/)
    .filter((p) => p !== '');
  if (parts.length > REMINDER_DAYS_MAX || !parts.every((p) => /^[+-]?\d{1,2}$/.test(p))) return null;
  const days = parts.map(Number);
  return days.every((d) => Math.abs(d) <= REMINDER_DAY_LIMIT) ? days : null;
}

const loop = loopSettingsSchema.shape;

export const loopSettingsFormSchema = z.object({
  reminderDays: z
    .string()
    .transform((text, ctx) => {
      const days = parseReminderDays(text);
      if (days !== null) return days;
      ctx.addIssue({ code: 'custom', message: 'validation.reminderDays' });
      return z.NEVER;
    })
    .pipe(loop.reminderDays),
  promiseMaxDays: wholeText(loop.promiseMaxDays),
  promiseMaxPerWindow: wholeText(loop.promiseMaxPerWindow),
  promiseWindowDays: wholeText(loop.promiseWindowDays),
});
export type LoopSettingsFormValues = z.input<typeof loopSettingsFormSchema>;

export function loopSettingsDefaults(s: LoopSettings): LoopSettingsFormValues {
  return {
    reminderDays: s.reminderDays.join(', '),
    promiseMaxDays: String(s.promiseMaxDays),
    promiseMaxPerWindow: String(s.promiseMaxPerWindow),
    promiseWindowDays: String(s.promiseWindowDays),
  };
}

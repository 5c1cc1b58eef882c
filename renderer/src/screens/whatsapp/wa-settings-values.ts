import { z } from 'zod';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/index.js';
import { waRecipientSchema } from '../../../../shared/domain/customer.js';
import { waSettingsUpdateSchema, type WaFallbackKey, type WaProviderKey } from '../../../../shared/domain/wa.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { i18next } from '../../i18n/index.js';

export type WaSettings = MethodOutput<'wa.settings.get'>;
type WaSettingsInput = MethodInput<'wa.settings.update'>;

/** The settings form as typed: numbers stay text until sent; events are kept beside it as a list. */
export type WaSettingsValues = {
  provider: WaProviderKey;
  fallbackProvider: WaFallbackKey | '';
  fonnteToken: string;
  fonnteBaseUrl: string;
  senderNumber: string;
  ratePerSecond: string;
  perRecipientPerHour: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
  /** Seconds as typed; both empty: the provider's default pause. */
  gapMin: string;
  gapMax: string;
  adminRecipients: string;
  browserPath: string;
  maxLength: string;
  retentionDays: string;
};

/** Quiet hours a tenant gets when it turns them back on: the usual "no messages at night". */
const QUIET_DEFAULT = { start: '21:00', end: '07:00' };

export function settingsValues(settings: WaSettings): WaSettingsValues {
  return {
    provider: settings.provider,
    fallbackProvider: settings.fallbackProvider ?? '',
    fonnteToken: '',
    fonnteBaseUrl: settings.fonnteBaseUrl,
    senderNumber: settings.senderNumber ? formatPhoneLocal(settings.senderNumber) : '',
    ratePerSecond: String(settings.ratePerSecond),
    perRecipientPerHour: String(settings.perRecipientPerHour),
    quietEnabled: settings.quietHours !== null,
    quietStart: (settings.quietHours ?? QUIET_DEFAULT).start,
    quietEnd: (settings.quietHours ?? QUIET_DEFAULT).end,
    gapMin: settings.sendGapCustom ? String(settings.sendGap?.minSeconds ?? 0) : '',
    gapMax: settings.sendGapCustom ? String(settings.sendGap?.maxSeconds ?? 0) : '',
    adminRecipients: settings.adminRecipients.map(formatPhoneLocal).join('\n'),
    browserPath: settings.browserPath,
    maxLength: String(settings.maxLength),
    retentionDays: String(settings.retentionDays),
  };
}

const contract = waSettingsUpdateSchema.shape;
const clockTime = contract.quietHours.unwrap().unwrap().shape.start;

/** A count typed as text: empty is "required", anything but digits "invalid"; the range is the contract's. */
function count(rule: z.ZodNumber) {
  return z
    .string()
    .trim()
    .transform((text, ctx) => {
      if (/^\d+$/.test(text)) return Number(text);
      ctx.addIssue({ code: 'custom', message: text === '' ? 'validation.required' : 'validation.invalid' });
      return z.NEVER;
    })
    .pipe(rule);
}

/** One number a line; a wrong line is named by its place, as the core names it (adminRecipients.2). */
const adminLines = z
  .string()
  .transform((text, ctx) => {
    const lines = text
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== '');
    const wrong: FieldErrors = {};
    lines.forEach((line, index) => {
      const parsed = waRecipientSchema.safeParse(line);
      // Not a number at all, or not one WhatsApp reaches (a landline): the schema's own words.
      if (!parsed.success) wrong[`adminRecipients.${index}`] = i18next.t((parsed.error.issues[0]?.message ?? 'validation.phone') as 'validation.phone');
    });
    const message = groupedErrors(wrong, 'adminRecipients', adminRecipientLabel);
    if (!message) return lines;
    ctx.addIssue({ code: 'custom', message });
    return z.NEVER;
  })
  .pipe(contract.adminRecipients.unwrap());

/** Quiet hours are only read when they are on. */
function quietTimeOk(name: 'quietStart' | 'quietEnd') {
  return (values: Pick<WaSettingsValues, 'quietEnabled' | 'quietStart' | 'quietEnd'>) => !values.quietEnabled || clockTime.safeParse(values[name]).success;
}

/** Checked even when other fields are wrong (`when`), so a wrong time shows in the same round as the rest. */
const QUIET_ISSUE = { message: 'validation.time', when: () => true };

const gapRule = contract.sendGap.unwrap().unwrap();
/** A pause is both seconds or neither (the provider's default); the contract's rules judge the numbers. */
function gapOf(values: Pick<WaSettingsValues, 'gapMin' | 'gapMax'>) {
  if (values.gapMin === '' && values.gapMax === '') return null;
  return gapRule.safeParse({ minSeconds: Number(values.gapMin === '' ? NaN : values.gapMin), maxSeconds: Number(values.gapMax === '' ? NaN : values.gapMax) });
}
/** The contract's reason for a reversed range (a validation.* key, so the form words it as the core does). */
const GAP_ORDER = 'validation.gapOrder';
/** A number out of range (or missing) on its own field; the order of the two is said apart, below. */
const gapOk = (name: 'minSeconds' | 'maxSeconds') => (values: Pick<WaSettingsValues, 'gapMin' | 'gapMax'>) =>
  !(gapOf(values)?.error?.issues.some((issue) => issue.path[0] === name && issue.message !== GAP_ORDER) ?? false);
/** Both numbers fine but the longest pause below the shortest: the contract's own words, not "invalid". */
const gapInOrder = (values: Pick<WaSettingsValues, 'gapMin' | 'gapMax'>) => !(gapOf(values)?.error?.issues.some((issue) => issue.message === GAP_ORDER) ?? false);
const GAP_ISSUE = { message: 'validation.invalid', when: () => true };

/**
 * The settings form as typed, on its way to the contract's own input: counts and lines become
 * numbers and lists, and the contract's rules (ranges, phones, URLs) judge them before the core is
 * asked. An empty token box keeps the stored token, so it is left out; removing it is a separate
 * button. The events are kept beside the form as a list and join the input when it is sent.
 */
export const settingsFormSchema = z
  .object({
    provider: contract.provider.unwrap(),
    fallbackProvider: z.union([contract.fallbackProvider.unwrap().unwrap(), z.literal('')]),
    fonnteToken: z.string().trim(),
    fonnteBaseUrl: z.string().trim().pipe(contract.fonnteBaseUrl.unwrap()),
    senderNumber: z.string().trim().pipe(contract.senderNumber.unwrap()),
    ratePerSecond: count(contract.ratePerSecond.unwrap()),
    perRecipientPerHour: count(contract.perRecipientPerHour.unwrap()),
    quietEnabled: z.boolean(),
    quietStart: z.string(),
    quietEnd: z.string(),
    gapMin: z.string().trim(),
    gapMax: z.string().trim(),
    adminRecipients: adminLines,
    browserPath: contract.browserPath.unwrap(),
    maxLength: count(contract.maxLength.unwrap()),
    retentionDays: count(contract.retentionDays.unwrap()),
  })
  .refine(quietTimeOk('quietStart'), { ...QUIET_ISSUE, path: ['quietStart'] })
  .refine(quietTimeOk('quietEnd'), { ...QUIET_ISSUE, path: ['quietEnd'] })
  .refine(gapOk('minSeconds'), { ...GAP_ISSUE, path: ['gapMin'] })
  .refine(gapOk('maxSeconds'), { ...GAP_ISSUE, path: ['gapMax'] })
  .refine(gapInOrder, { message: GAP_ORDER, path: ['gapMax'], when: () => true })
  .transform(({ quietEnabled, quietStart, quietEnd, fonnteToken, gapMin, gapMax, ...values }): Omit<WaSettingsInput, 'enabledEvents' | 'nightEvents'> => ({
    ...values,
    sendGap: gapOf({ gapMin, gapMax })?.data ?? null,
    fallbackProvider: values.fallbackProvider === '' || values.fallbackProvider === values.provider ? null : values.fallbackProvider,
    ...(fonnteToken ? { fonnteToken } : {}),
    quietHours: quietEnabled ? { start: quietStart, end: quietEnd } : null,
  }));

/** "Nomor ke-2": the core counts list items from 0, the operator from 1. */
function adminRecipientLabel(index: string): string {
  return i18next.t('whatsapp.nthNumber', { n: Number(index) + 1 });
}

/**
 * The core's field paths as the form's fields: each wrong admin number under the one box, named by
 * its line; the quiet hours' start and end under their own inputs.
 */
export function settingsFieldErrors(fields: FieldErrors | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  const mapped: FieldErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    if (key === 'quietHours.start' || key === 'quietHours') mapped.quietStart = message;
    else if (key === 'quietHours.end') mapped.quietEnd = message;
    else if (key === 'sendGap.minSeconds' || key === 'sendGap') mapped.gapMin = message;
    else if (key === 'sendGap.maxSeconds') mapped.gapMax = message;
    else if (!key.startsWith('adminRecipients')) mapped[key] = message;
  }
  const admins = groupedErrors(fields, 'adminRecipients', adminRecipientLabel);
  return admins ? { ...mapped, adminRecipients: admins } : mapped;
}

/**
 * The core names list items and nested fields by path (adminRecipients.2, quietHours.start); the
 * form shows them under the one field they belong to, saying which line or part is wrong.
 */
export function groupedErrors(fields: FieldErrors | undefined, name: string, describe: (rest: string) => string): string | undefined {
  if (!fields) return undefined;
  const messages = Object.entries(fields)
    .filter(([key]) => key === name || key.startsWith(`${name}.`))
    .map(([key, message]) => (key === name ? message : `${describe(key.slice(name.length + 1))}: ${message}`));
  return messages.length > 0 ? messages.join(' ') : undefined;
}

import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { MethodInput, MethodOutput } from '../../../../shared/contract/index.js';
import type { WaProviderKey } from '../../../../shared/domain/wa.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { i18next } from '../../i18n/index.js';

export type WaSettings = MethodOutput<'wa.settings.get'>;
type WaSettingsInput = MethodInput<'wa.settings.update'>;

/** The settings form as typed: numbers stay text until sent; events are kept beside it as a list. */
export type WaSettingsValues = {
  provider: WaProviderKey;
  fallbackProvider: WaProviderKey | '';
  fonnteToken: string;
  fonnteBaseUrl: string;
  senderNumber: string;
  ratePerSecond: string;
  perRecipientPerHour: string;
  quietEnabled: boolean;
  quietStart: string;
  quietEnd: string;
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
    adminRecipients: settings.adminRecipients.map(formatPhoneLocal).join('\n'),
    browserPath: settings.browserPath,
    maxLength: String(settings.maxLength),
    retentionDays: String(settings.retentionDays),
  };
}

const NUMBER_FIELDS = ['ratePerSecond', 'perRecipientPerHour', 'maxLength', 'retentionDays'] as const;

/**
 * Turns what was typed into the contract's input. Only what the core cannot judge is checked here
 * (a count that is not a whole number); ranges, phones and URLs are the core's call. An empty token
 * box keeps the stored token, so it is left out; removing it is a separate button.
 */
export function settingsInput(values: WaSettingsValues, enabledEvents: WaSettingsInput['enabledEvents']): { input: WaSettingsInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const numbers = {} as Record<(typeof NUMBER_FIELDS)[number], number>;
  for (const name of NUMBER_FIELDS) {
    const text = values[name].trim();
    if (!/^\d+$/.test(text)) errors[name] = i18next.t(text === '' ? 'validation.required' : 'validation.invalid');
    numbers[name] = Number(text);
  }
  const token = values.fonnteToken.trim();
  return {
    errors,
    input: {
      provider: values.provider,
      fallbackProvider: values.fallbackProvider === '' || values.fallbackProvider === values.provider ? null : values.fallbackProvider,
      ...(token ? { fonnteToken: token } : {}),
      fonnteBaseUrl: values.fonnteBaseUrl.trim(),
      senderNumber: values.senderNumber.trim(),
      enabledEvents,
      ...numbers,
      quietHours: values.quietEnabled ? { start: values.quietStart, end: values.quietEnd } : null,
      adminRecipients: values.adminRecipients
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== ''),
      browserPath: values.browserPath.trim(),
    },
  };
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

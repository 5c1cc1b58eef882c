import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { MethodInput } from '../../../../shared/contract/index.js';
import type { BroadcastFilter, WaEventKey } from '../../../../shared/domain/wa.js';
import type { TimeZone } from '../../../../shared/util/time.js';
import { i18next } from '../../i18n/index.js';
import { zonedInputToIso } from './zoned-time.js';

export type BroadcastFormValues = {
  kind: BroadcastFilter['kind'];
  packageId: string;
  odpId: string;
  templateKey: WaEventKey;
  message: string;
  /** datetime-local text, on the tenant's clock; empty sends now. */
  scheduledAt: string;
};

export const blankBroadcast: BroadcastFormValues = {
  kind: 'all_active',
  packageId: '',
  odpId: '',
  templateKey: 'manual_broadcast',
  message: '',
  scheduledAt: '',
};

/**
 * The contract's input from the form. The core names filter errors by path (filter.packageId);
 * fieldName() maps them back to the field that shows them.
 */
export function broadcastInput(values: BroadcastFormValues, zone: TimeZone): { input: MethodInput<'wa.broadcast.create'>; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (values.kind === 'package' && !values.packageId) errors.packageId = i18next.t('validation.required');
  if (values.kind === 'odp' && !values.odpId.trim()) errors.odpId = i18next.t('validation.required');
  if (values.templateKey === 'manual_broadcast' && !values.message.trim()) errors.message = i18next.t('validation.required');
  const scheduledAt = values.scheduledAt ? zonedInputToIso(values.scheduledAt, zone) : null;
  if (values.scheduledAt && !scheduledAt) errors.scheduledAt = i18next.t('validation.invalid');
  return {
    errors,
    input: {
      filter: filterOf(values),
      templateKey: values.templateKey,
      message: values.templateKey === 'manual_broadcast' ? values.message : '',
      scheduledAt,
    },
  };
}

function filterOf(values: BroadcastFormValues): BroadcastFilter {
  switch (values.kind) {
    case 'package':
      return { kind: 'package', packageId: values.packageId };
    case 'odp':
      return { kind: 'odp', odpId: values.odpId.trim() };
    default:
      return { kind: values.kind };
  }
}

/** filter.packageId -> packageId, filter.kind -> kind: the core's paths as the form's field names. */
export function broadcastFieldErrors(fields: FieldErrors | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.replace(/^filter(\.|$)/, '') || 'kind', message]));
}

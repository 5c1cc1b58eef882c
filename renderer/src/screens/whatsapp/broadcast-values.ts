import { z } from 'zod';
import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { MethodInput } from '../../../../shared/contract/index.js';
import { BROADCAST_FILTERS, waEventKeySchema, type BroadcastFilter } from '../../../../shared/domain/wa.js';
import type { TimeZone } from '../../../../shared/util/time.js';
import { zonedInputToIso } from './zoned-time.js';

export type BroadcastFormValues = z.input<ReturnType<typeof broadcastFormSchema>>;

export const blankBroadcast: BroadcastFormValues = {
  kind: 'all_active',
  packageId: '',
  odpId: '',
  templateKey: 'manual_broadcast',
  message: '',
  /** datetime-local text, on the tenant's clock; empty sends now. */
  scheduledAt: '',
  /** Broadcasts go at once unless the operator ticks this. */
  respectQuietHours: false,
};

/**
 * The broadcast form as typed, on its way to the contract's own input: the audience's fields become
 * its filter and the schedule is read on the tenant's clock (the core's schema judges the rest). Which fields are needed depends on the
 * audience and template, so they are checked together over plain strings: a refinement after a
 * failed field transform would not run, and its errors would wait for a second round.
 */
export function broadcastFormSchema(zone: TimeZone) {
  return z
    .object({
      kind: z.enum(BROADCAST_FILTERS),
      packageId: z.string(),
      odpId: z.string().trim(),
      templateKey: waEventKeySchema,
      message: z.string(),
      scheduledAt: z.string(),
      respectQuietHours: z.boolean(),
    })
    .superRefine((values, ctx) => {
      const required = (path: string) => ctx.addIssue({ code: 'custom', path: [path], message: 'validation.required' });
      if (values.kind === 'package' && !values.packageId) required('packageId');
      if (values.kind === 'odp' && !values.odpId) required('odpId');
      if (values.templateKey === 'manual_broadcast' && !values.message.trim()) required('message');
      if (values.scheduledAt && !zonedInputToIso(values.scheduledAt, zone)) ctx.addIssue({ code: 'custom', path: ['scheduledAt'], message: 'validation.invalid' });
    })
    .transform(
      (values): MethodInput<'wa.broadcast.create'> => ({
        filter: filterOf(values),
        templateKey: values.templateKey,
        message: values.templateKey === 'manual_broadcast' ? values.message : '',
        scheduledAt: values.scheduledAt ? zonedInputToIso(values.scheduledAt, zone) : null,
        respectQuietHours: values.respectQuietHours,
      }),
    );
}

function filterOf(values: { kind: BroadcastFilter['kind']; packageId: string; odpId: string }): BroadcastFilter {
  switch (values.kind) {
    case 'package':
      return { kind: 'package', packageId: values.packageId };
    case 'odp':
      return { kind: 'odp', odpId: values.odpId };
    default:
      return { kind: values.kind };
  }
}

/** filter.packageId -> packageId, filter.kind -> kind: the core's paths as the form's field names. */
export function broadcastFieldErrors(fields: FieldErrors | undefined): FieldErrors | undefined {
  if (!fields) return undefined;
  return Object.fromEntries(Object.entries(fields).map(([key, message]) => [key.replace(/^filter(\.|$)/, '') || 'kind', message]));
}

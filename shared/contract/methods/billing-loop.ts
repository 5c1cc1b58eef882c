import { z } from 'zod';
import { method } from '../define.js';
import { MANAGERS, OFFICE } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import {
  exemptionSchema,
  exemptionSetSchema,
  loopSettingsSchema,
  paymentPromiseSchema,
  promiseCreateSchema,
} from '../../domain/billing-loop.js';

/**
 * The money loop around invoices: who auto-isolir leaves alone, promises to pay, and the reminder
 * schedule. Owner and admins decide who is never cut off and the schedule (policy); finance records
 * promises too, as it takes the calls about money.
 */
export const billingLoopMethods = {
  'billing.exemptions.list': method({ input: z.object({}).strict(), output: z.array(exemptionSchema), roles: OFFICE, access: 'read', feature: 'billing' }),
  /** Sets (or replaces the reason of) a customer's exemption from auto-isolir. */
  'billing.exemptions.set': method({ input: exemptionSetSchema, output: exemptionSchema, roles: MANAGERS, access: 'write', feature: 'billing' }),
  /** Auto-isolir applies to the customer again from the next daily scan; the exemption stays in the history. */
  'billing.exemptions.clear': method({ input: z.object({ customerId: idSchema }).strict(), output: z.object({ cleared: z.boolean() }), roles: MANAGERS, access: 'write', feature: 'billing' }),
  /** Reconnects the isolated customer until the promised day (inclusive), within the tenant's limits. */
  'billing.promises.create': method({ input: promiseCreateSchema, output: paymentPromiseSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  /** A customer's promises, newest first (or every active one of the tenant). */
  'billing.promises.list': method({
    input: z.object({ customerId: idSchema.optional() }).strict(),
    output: z.array(paymentPromiseSchema),
    roles: OFFICE,
    access: 'read',
    feature: 'billing',
  }),
  /** Taken back (recorded by mistake, or the customer withdrew it): the customer is isolated again while the invoice is unpaid. */
  'billing.promises.cancel': method({ input: z.object({ id: idSchema }).strict(), output: paymentPromiseSchema, roles: OFFICE, access: 'write', feature: 'billing' }),
  'billing.loopSettings.get': method({ input: z.object({}).strict(), output: loopSettingsSchema, roles: OFFICE, access: 'read', feature: 'billing' }),
  'billing.loopSettings.update': method({ input: loopSettingsSchema.partial().strict(), output: loopSettingsSchema, roles: MANAGERS, access: 'write', feature: 'billing' }),
};

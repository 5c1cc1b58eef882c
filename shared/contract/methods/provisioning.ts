import { z } from 'zod';
import { method } from '../define.js';
import { NETWORK_STAFF, ANY_ROLE } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { driftListSchema, driftPageSchema, provisioningStateSchema, reconcileResultSchema } from '../../domain/provisioning.js';

/** Each customer's account on their router, kept in step with the console, and the reconciler that repairs hand changes. */
export const provisioningMethods = {
  /** The customer's account on the router: applied, or pending with why (null: never had one to keep). */
  'provisioning.state': method({
    input: z.object({ customerId: idSchema }).strict(),
    output: provisioningStateSchema.nullable(),
    roles: ANY_ROLE,
    access: 'read',
  }),
  /** Send the customer's account to the router again now (it failed, or a person fixed the router). */
  'provisioning.retry': method({
    input: z.object({ customerId: idSchema }).strict(),
    output: provisioningStateSchema.nullable(),
    roles: NETWORK_STAFF,
    access: 'write',
  }),
  /** Compare one router's accounts with the console now and repair what differs ("Periksa sekarang"). */
  'provisioning.reconcile': method({
    input: z.object({ routerId: idSchema }).strict(),
    output: reconcileResultSchema,
    roles: NETWORK_STAFF,
    access: 'write',
  }),
  /** What the reconciler repaired (and the unknown accounts it found), newest first. */
  'provisioning.drift': method({
    input: driftListSchema.strict(),
    output: driftPageSchema,
    roles: NETWORK_STAFF,
    access: 'read',
  }),
};

import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, MANAGERS } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import {
  customerCreateSchema,
  customerDuplicatesInputSchema,
  customerDuplicatesSchema,
  customerListSchema,
  customerPageSchema,
  customerSchema,
  customerUpdateSchema,
} from '../../domain/customer.js';

export const customerMethods = {
  'customers.list': method({
    input: customerListSchema.strict(),
    output: customerPageSchema,
    roles: ANY_ROLE,
    access: 'read',
    feature: 'customers',
  }),
  /** The tenant's areas ("wilayah"), each once: the form's suggestions and the lists' area filters. */
  'customers.areas': method({
    input: z.object({}).strict(),
    output: z.array(z.string()),
    roles: ANY_ROLE,
    access: 'read',
    feature: 'customers',
  }),
  'customers.get': method({
    input: z.object({ id: idSchema }).strict(),
    output: customerSchema,
    roles: ANY_ROLE,
    access: 'read',
    feature: 'customers',
  }),
  /**
   * Who already has this phone or this name, asked by the form as the operator types: families share
   * a number and two Budi Santosos exist, so it warns and leaves the choice to the operator.
   */
  'customers.duplicates': method({
    input: customerDuplicatesInputSchema.strict(),
    output: customerDuplicatesSchema,
    roles: MANAGERS,
    access: 'read',
    feature: 'customers',
  }),
  'customers.create': method({
    input: customerCreateSchema.strict(),
    output: customerSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
    consumes: 'maxCustomers',
  }),
  'customers.update': method({
    input: customerUpdateSchema.strict(),
    output: customerSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
  /**
   * Marks a customer inactive (moved, cancelled): kept for history, frees a slot of the limit. No
   * router hears of it yet; the screens say so until the isolir module provisions it.
   */
  'customers.deactivate': method({
    input: z.object({ id: idSchema }).strict(),
    output: customerSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
  }),
  'customers.reactivate': method({
    input: z.object({ id: idSchema }).strict(),
    output: customerSchema,
    roles: MANAGERS,
    access: 'write',
    feature: 'customers',
    consumes: 'maxCustomers',
  }),
};

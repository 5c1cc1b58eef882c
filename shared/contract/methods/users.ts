import { z } from 'zod';
import { method } from '../define.js';
import { OWNER_ONLY } from '../../domain/roles.js';
import { userCreateSchema, userSchema, userUpdateSchema } from '../../domain/user.js';

/** The owner manages the office's accounts. */
export const userMethods = {
  'users.list': method({
    input: z.object({}).strict(),
    output: z.array(userSchema),
    roles: OWNER_ONLY,
    access: 'read',
  }),
  'users.create': method({
    input: userCreateSchema.strict(),
    output: userSchema,
    roles: OWNER_ONLY,
    access: 'write',
    consumes: 'maxUsers',
  }),
  'users.update': method({
    input: userUpdateSchema.strict(),
    output: userSchema,
    roles: OWNER_ONLY,
    access: 'write',
  }),
};

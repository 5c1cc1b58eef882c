import { z } from 'zod';
import { method } from '../define.js';
import { text } from '../../domain/common.js';
import { passwordSchema, usernameSchema } from '../../domain/user.js';
import { timeZoneSchema } from '../../util/time.js';
import { sessionSchema } from './auth.js';

export const setupMethods = {
  /** Whether this install still needs its first owner (first-run screen). */
  'setup.status': method({
    input: z.object({}).strict(),
    output: z.object({ needsOwner: z.boolean() }),
    roles: 'public',
    access: 'read',
  }),
  /** First run: the ISP's name and zone, the owner account, and optionally the demo ISP's data. */
  'setup.createOwner': method({
    input: z
      .object({
        tenantName: text(120),
        timezone: timeZoneSchema,
        username: usernameSchema,
        displayName: text(80),
        password: passwordSchema,
        demo: z.boolean().default(false),
      })
      .strict(),
    output: sessionSchema,
    roles: 'public',
    access: 'write',
  }),
};

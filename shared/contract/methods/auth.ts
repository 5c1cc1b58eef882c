import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE } from '../../domain/roles.js';
import { localeSchema, passwordSchema, userSchema } from '../../domain/user.js';
import { tenantSchema } from '../../domain/tenant.js';

export const sessionSchema = z.object({ token: z.string(), user: userSchema, tenant: tenantSchema });

export const authMethods = {
  'auth.login': method({
    input: z.object({ username: z.string().trim().toLowerCase().min(1, 'validation.required').max(64), password: z.string().min(1, 'validation.required').max(256) }).strict(),
    output: sessionSchema,
    roles: 'public',
    access: 'read',
  }),
  'auth.logout': method({
    input: z.object({}).strict(),
    output: z.object({}),
    roles: ANY_ROLE,
    access: 'read',
  }),
  'auth.me': method({
    input: z.object({}).strict(),
    output: z.object({ user: userSchema, tenant: tenantSchema }),
    roles: ANY_ROLE,
    access: 'read',
  }),
  'auth.setLocale': method({
    input: z.object({ locale: localeSchema }).strict(),
    output: userSchema,
    roles: ANY_ROLE,
    access: 'read',
  }),
  'auth.changePassword': method({
    input: z.object({ currentPassword: z.string().min(1, 'validation.required').max(256), newPassword: passwordSchema }).strict(),
    output: z.object({}),
    roles: ANY_ROLE,
    access: 'read',
  }),
};

import { z } from 'zod';
import { roleSchema } from './roles.js';
import { idSchema, text } from './common.js';

export const LOCALES = ['id', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(3, 'validation.tooShort')
  .max(32, 'validation.tooLong')
  .regex(/^[a-z0-9._-]+$/, 'validation.username');
/** Long enough to resist guessing; capped so a megabyte "password" cannot tie up the KDF. */
export const passwordSchema = z.string().min(8, 'validation.passwordShort').max(256, 'validation.tooLong');

export const userSchema = z.object({
  id: idSchema,
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  active: z.boolean(),
  locale: localeSchema,
  createdAt: z.string(),
});
export type User = z.infer<typeof userSchema>;

export const userCreateSchema = z.object({
  username: usernameSchema,
  displayName: text(80),
  role: roleSchema,
  password: passwordSchema,
});
export const userUpdateSchema = z.object({
  id: idSchema,
  displayName: text(80).optional(),
  role: roleSchema.optional(),
  active: z.boolean().optional(),
  password: passwordSchema.optional(),
});

import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'finance', 'collector', 'technician'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Shorthands used by method declarations, so the who-may-call lists read like policy. */
export const ANY_ROLE: readonly Role[] = ROLES;
export const OFFICE: readonly Role[] = ['owner', 'admin', 'finance'];
export const MANAGERS: readonly Role[] = ['owner', 'admin'];
export const OWNER_ONLY: readonly Role[] = ['owner'];

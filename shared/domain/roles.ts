import { z } from 'zod';

export const ROLES = ['owner', 'admin', 'finance', 'collector', 'technician'] as const;
export const roleSchema = z.enum(ROLES);
export type Role = z.infer<typeof roleSchema>;

/** Shorthands used by method declarations, so the who-may-call lists read like policy. */
export const ANY_ROLE: readonly Role[] = ROLES;
export const OFFICE: readonly Role[] = ['owner', 'admin', 'finance'];
export const MANAGERS: readonly Role[] = ['owner', 'admin'];
export const OWNER_ONLY: readonly Role[] = ['owner'];
/** Who runs the network: adds, edits, removes and tests routers, isolates and reconnects customers (finance and collectors only read). */
export const NETWORK_STAFF: readonly Role[] = ['owner', 'admin', 'technician'];

/**
 * Who sees the business's money: the expected monthly revenue, and how many customers each package
 * has (with the prices, the same sum). Collectors and technicians work with one customer at a time.
 */
export const SEES_REVENUE: readonly Role[] = OFFICE;
/**
 * Who browses the whole customer list. A collector finds the customer in front of them by name,
 * phone or code (until the collectors module gives each one a route of their own customers).
 */
export const BROWSES_CUSTOMERS: readonly Role[] = ['owner', 'admin', 'finance', 'technician'];

import { ROLES, type Role } from '../../../../shared/domain/roles.js';
import { SECTIONS, type Section } from '../../stores/nav-store.js';

/** Sections still to come in later releases: the sidebar shows them so staff see what is planned. */
export const COMING_SOON = ['maps', 'collectors', 'sync'] as const satisfies readonly Section[];
export type ComingSoonSection = (typeof COMING_SOON)[number];

export function isComingSoon(section: Section): section is ComingSoonSection {
  return (COMING_SOON as readonly Section[]).includes(section);
}

/**
 * The sections each role's work needs, in sidebar order. The core refuses what a role may not call;
 * this keeps menus that would only answer "not allowed" out of sight. WhatsApp and Tagihan are the
 * office's (owner, admin, finance, as their methods are); a collector collects (their cash comes with
 * the collectors module), a technician fixes the network.
 * Routers sit beside Isolir, which happens on them: technicians and admins run them, finance sees
 * which router serves whom (and whether it is up) without changing anything; a collector has no use for them.
 */
const HIDDEN_FROM: Record<Role, readonly Section[]> = {
  owner: [],
  admin: [],
  finance: ['isolir', 'maps'],
  collector: ['billing', 'isolir', 'routers', 'whatsapp', 'sync'],
  technician: ['billing', 'collectors', 'whatsapp', 'sync'],
};

/** Worked out once: the sidebar and the shell's shortcuts compare them across renders. */
const SECTIONS_OF = new Map<Role, readonly Section[]>(ROLES.map((role) => [role, SECTIONS.filter((s) => !HIDDEN_FROM[role].includes(s))]));
const SIGNED_OUT: readonly Section[] = ['dashboard'];

export function sectionsFor(role: Role | undefined): readonly Section[] {
  return (role === undefined ? undefined : SECTIONS_OF.get(role)) ?? SIGNED_OUT;
}

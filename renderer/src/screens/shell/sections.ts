import type { Section } from '../../stores/nav-store.js';

/** Sections still to come in later releases: the sidebar shows them so staff see what is planned. */
export const COMING_SOON = ['billing', 'isolir', 'maps', 'collectors', 'sync'] as const satisfies readonly Section[];
export type ComingSoonSection = (typeof COMING_SOON)[number];

export function isComingSoon(section: Section): section is ComingSoonSection {
  return (COMING_SOON as readonly Section[]).includes(section);
}

import { defineModule } from '../module-kit/index.js';

/**
 * The template language is pure functions (index.ts): nothing to wire, no table yet. Listed so the
 * floors, the table-ownership test and the next users (invoices, receipts, slips) find it like any module.
 */
export const templatesModule = defineModule({
  name: 'templates',
  tables: [],
  create: () => ({ services: {}, handlers: {} }),
});

import type { Migration } from '../migrate.js';

/**
 * The isolir landing page of each ISP: the page isolated customers' web requests are redirected to
 * (served by this computer on `host`:`port`, the address the routers' dst-nat rule points to), and
 * what it tells them: whom to call or WhatsApp, and how to pay. Off until someone sets an address.
 */
export const m023IsolirLanding: Migration = {
  version: 23,
  name: 'isolir-landing',
  up(db) {
    db.exec(`
      CREATE TABLE isolir_landing (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants (id),
        enabled INTEGER NOT NULL DEFAULT 0,
        host TEXT NOT NULL,
        port INTEGER NOT NULL,
        contact_phone TEXT NOT NULL DEFAULT '',
        payment_note TEXT NOT NULL DEFAULT '',
        updated_at TEXT NOT NULL
      );
    `);
  },
};

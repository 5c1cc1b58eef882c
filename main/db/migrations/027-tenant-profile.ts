import type { Migration } from '../migrate.js';

/**
 * The ISP as printed on invoices and receipts: address, contacts, bank accounts, footer and logo.
 * The logo is a BLOB in this row rather than a file in the data folder: it is small (512 kB at
 * most), goes with the database in every backup and sync, can never be orphaned or point outside
 * the folder, and is read in the same query as the rest of the profile.
 */
export const m027TenantProfile: Migration = {
  version: 27,
  name: 'tenant-profile',
  up(db) {
    db.exec(`
      CREATE TABLE tenant_profiles (
        tenant_id TEXT PRIMARY KEY REFERENCES tenants (id),
        address TEXT NOT NULL DEFAULT '',
        phone TEXT NOT NULL DEFAULT '',
        email TEXT NOT NULL DEFAULT '',
        footer TEXT NOT NULL DEFAULT '',
        bank_accounts TEXT NOT NULL DEFAULT '[]',
        logo BLOB,
        logo_type TEXT,
        updated_at TEXT NOT NULL
      );
    `);
  },
};

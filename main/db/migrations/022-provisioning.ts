import type { Migration } from '../migrate.js';

/**
 * Provisioning: each customer's account on their router follows the console.
 *
 * `provisioning_states`: one row per customer, their latest "sync to the router" and what became of
 * it. `wanted_rev` counts the changes asked for; a job carries the revision it was made for, and only
 * the job of the latest revision may mark the row applied, so nothing shows as applied that the
 * router has not confirmed for the customer's latest state. `applied_*` say where our account is
 * now (router, menu, name, the sealed password last written), so a move to another router or a
 * rename cleans up the old place; `applied_fingerprint` is the wanted account the router last
 * confirmed, so an edit that changes nothing the router holds (a phone number) sends nothing.
 *
 * `provisioning_drift`: what the reconciler found different on a router from what the console says
 * (`kind`: an account changed, missing, or unknown to the console: customer null, reported and left
 * alone) and what it did (`outcome`). `found` and `done` keep the technical particulars (the router's
 * values, its answer or failure code); the screens put them in plain words by `kind` and `outcome`.
 *
 * `provisioning_reconciles`: each router's last reconcile: when, how many accounts it checked and
 * repaired, and the accounts it found that no customer owns.
 */
export const m022Provisioning: Migration = {
  version: 22,
  name: 'provisioning',
  up(db) {
    db.exec(`
      CREATE TABLE provisioning_states (
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        customer_id TEXT NOT NULL,
        wanted_rev INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'applied', 'failed', 'none')),
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        answer TEXT,
        job_id TEXT,
        applied_router_id TEXT,
        applied_service TEXT,
        applied_username TEXT,
        applied_password_ref TEXT,
        applied_fingerprint TEXT,
        applied_at INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (tenant_id, customer_id)
      );
      CREATE INDEX provisioning_states_by_status ON provisioning_states (tenant_id, status);
      CREATE TABLE provisioning_drift (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        router_id TEXT NOT NULL,
        customer_id TEXT,
        username TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('changed', 'missing', 'unknown')),
        found TEXT NOT NULL,
        outcome TEXT NOT NULL CHECK (outcome IN ('repaired', 'failed', 'reported')),
        done TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX provisioning_drift_by_time ON provisioning_drift (tenant_id, at, id);
      CREATE TABLE provisioning_reconciles (
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        router_id TEXT NOT NULL,
        at INTEGER NOT NULL,
        checked INTEGER NOT NULL,
        repaired INTEGER NOT NULL,
        unknown TEXT NOT NULL,
        error_code TEXT,
        PRIMARY KEY (tenant_id, router_id)
      );
    `);
  },
};

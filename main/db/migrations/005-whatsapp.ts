import type { Migration } from '../migrate.js';
import { trackChanges } from '../change-log.js';

/** The WhatsApp engine's tables: settings, tenant template overrides, the message log, opt-outs, broadcasts. */
export const m005WhatsApp: Migration = {
  version: 5,
  name: 'whatsapp',
  up(db) {
    db.exec(`
      CREATE TABLE wa_settings (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL UNIQUE REFERENCES tenants (id),
        provider TEXT NOT NULL CHECK (provider IN ('wwebjs', 'fonnte', 'dry-run')),
        -- provider credentials (Fonnte token, base URL), sealed with the secret box; never synced in clear
        credentials TEXT,
        fallback_provider TEXT CHECK (fallback_provider IN ('wwebjs', 'fonnte', 'dry-run')),
        sender_number TEXT NOT NULL DEFAULT '',
        enabled_events TEXT NOT NULL DEFAULT '[]',
        rate_per_second INTEGER NOT NULL DEFAULT 10,
        per_recipient_per_hour INTEGER NOT NULL DEFAULT 10,
        quiet_start TEXT,
        quiet_end TEXT,
        admin_recipients TEXT NOT NULL DEFAULT '[]',
        browser_path TEXT NOT NULL DEFAULT '',
        max_length INTEGER NOT NULL DEFAULT 1000,
        retention_days INTEGER NOT NULL DEFAULT 365,
        -- set by RRNet's super-admin on abuse: nothing is sent while it is on
        suspended INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE wa_templates (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        template_key TEXT NOT NULL,
        content TEXT NOT NULL,
        variables TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, template_key)
      );
      CREATE TABLE wa_messages (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        idempotency_key TEXT NOT NULL UNIQUE,
        event TEXT NOT NULL,
        template_key TEXT NOT NULL,
        entity_type TEXT,
        entity_id TEXT,
        broadcast_id TEXT,
        to_number TEXT NOT NULL,
        content TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'cancelled', 'skipped')),
        provider TEXT,
        provider_message_id TEXT,
        failover INTEGER NOT NULL DEFAULT 0,
        attempts INTEGER NOT NULL DEFAULT 0,
        error_code TEXT,
        error_message TEXT,
        job_id TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER,
        delivered_at INTEGER,
        read_at INTEGER,
        -- how long the provider took to accept it: the dashboard's send latency
        send_ms INTEGER,
        updated_at INTEGER NOT NULL
      );
      CREATE INDEX wa_messages_by_status ON wa_messages (tenant_id, status, created_at);
      CREATE INDEX wa_messages_by_created ON wa_messages (tenant_id, created_at);
      CREATE INDEX wa_messages_by_broadcast ON wa_messages (broadcast_id, status);
      CREATE INDEX wa_messages_by_provider_id ON wa_messages (provider_message_id);
      CREATE INDEX wa_messages_by_recipient ON wa_messages (tenant_id, to_number, created_at);
      CREATE TABLE wa_opt_outs (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        phone TEXT NOT NULL,
        reason TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        UNIQUE (tenant_id, phone)
      );
      CREATE TABLE wa_broadcasts (
        id TEXT PRIMARY KEY,
        tenant_id TEXT NOT NULL REFERENCES tenants (id),
        template_key TEXT NOT NULL,
        filter TEXT NOT NULL,
        scheduled_at INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'cancelled')),
        total INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        updated_at INTEGER NOT NULL
      );
    `);
    // Settings, templates and opt-outs are the ISP's configuration: synced. The message log is local history.
    trackChanges(db, 'wa_settings');
    trackChanges(db, 'wa_templates');
    trackChanges(db, 'wa_opt_outs');
  },
};

import { trackChanges } from '../change-log.js';
import type { Migration } from '../migrate.js';

/**
 * What sync may carry of each synced table, column by column. The triggers of 002-005 copied
 * every column into change_log, so each password change put the user's hash there, bound for the
 * cloud. Credentials stay on this machine: users.password_hash, routers.password_ref (a key into
 * the secret store) and wa_settings.credentials (the sealed provider token) are left out.
 */
const SYNCED: Record<string, readonly string[]> = {
  tenants: ['id', 'tenant_id', 'name', 'timezone', 'plan', 'addons', 'status', 'created_at', 'updated_at'],
  users: ['id', 'tenant_id', 'username', 'display_name', 'role', 'active', 'locale', 'created_at', 'updated_at'],
  routers: ['id', 'tenant_id', 'name', 'host', 'api_port', 'username', 'created_at', 'updated_at'],
  packages: ['id', 'tenant_id', 'name', 'price', 'router_profile', 'rate_limit', 'active', 'created_at', 'updated_at'],
  customers: [
    'id', 'tenant_id', 'code', 'name', 'name_key', 'phone', 'address', 'latitude', 'longitude', 'package_id', 'router_id',
    'service_type', 'username', 'billing_day', 'status', 'notes', 'created_at', 'updated_at',
  ],
  odcs: ['id', 'tenant_id', 'name', 'latitude', 'longitude', 'capacity', 'created_at', 'updated_at'],
  odps: ['id', 'tenant_id', 'odc_id', 'name', 'latitude', 'longitude', 'ports', 'created_at', 'updated_at'],
  odp_links: ['id', 'tenant_id', 'odp_id', 'customer_id', 'port', 'created_at', 'updated_at'],
  wa_settings: [
    'id', 'tenant_id', 'provider', 'fallback_provider', 'sender_number', 'enabled_events', 'rate_per_second',
    'per_recipient_per_hour', 'quiet_start', 'quiet_end', 'admin_recipients', 'browser_path', 'max_length',
    'retention_days', 'suspended', 'created_at', 'updated_at',
  ],
  wa_templates: ['id', 'tenant_id', 'template_key', 'content', 'variables', 'created_at', 'updated_at'],
  wa_opt_outs: ['id', 'tenant_id', 'phone', 'reason', 'created_at', 'updated_at'],
};

export const m009SyncAllowList: Migration = {
  version: 9,
  name: 'sync-allow-list',
  up(db) {
    for (const [table, columns] of Object.entries(SYNCED)) trackChanges(db, table, columns);
  },
};

import { encodeTime } from 'ulid';
import type { WebServer } from '../../../main/web/index.js';

/**
 * Writes `count` finally failed messages (number not on WhatsApp) straight into the install's log, a
 * minute apart from `start`: what the dispatcher leaves after many failed sends, without sending.
 */
export function insertFailedMessages(server: WebServer, count: number, start = Date.parse('2026-11-01T00:00:00Z')): void {
  const { db, services } = server.core;
  const tenantId = services.tenants.primaryId();
  if (!tenantId) throw new Error('no tenant: start the app with an owner password');
  const insert = db.prepare(`INSERT INTO wa_messages (id, tenant_id, idempotency_key, event, template_key, to_number, content, status, provider,
      attempts, error_code, error_message, created_at, updated_at)
    VALUES (?, ?, ?, 'test', 'test', ?, 'Pesan uji dari RRNet Console.', 'failed', 'fonnte', 3, 'NOT_ON_WHATSAPP', 'number not registered', ?, ?)`);
  db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const at = start + i * 60_000;
      insert.run(`${encodeTime(at, 10)}${String(i).padStart(16, '0')}`, tenantId, `failed:${at}:${i}`, `+62812${String(10_000_000 + i)}`, at, at);
    }
  })();
}

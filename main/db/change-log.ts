import type { Db } from './open-database.js';

/**
 * Names that hold a credential or a key to one (a password hash, a sealed provider token, a
 * reference into the secret store): never carried by sync, whatever a table's allow-list says.
 */
const CREDENTIAL = /password|secret|credential|token|salt|hash/i;

/**
 * Every synced table records its changes in change_log through triggers, so no code path can
 * change a synced row without the sync module seeing it. `columns` is what sync may carry of the
 * table (its allow-list); a column added later is not synced until a migration lists it and calls
 * this again. Only migrations shipped before the allow-list (001-008, whose triggers 009 rebuilt)
 * omit it. A credential-like column is refused either way.
 */
export function trackChanges(db: Db, table: string, columns?: readonly string[]): void {
  const existing = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  for (const c of columns ?? []) {
    if (!existing.includes(c)) throw new Error(`${table}.${c} is not a column: cannot sync it`);
    if (CREDENTIAL.test(c)) throw new Error(`${table}.${c} holds a credential: sync never carries it`);
  }
  const carried = columns ?? existing.filter((c) => !CREDENTIAL.test(c));
  if (!carried.includes('id') || !carried.includes('tenant_id')) throw new Error(`${table}: sync needs id and tenant_id`);
  const rowJson = (alias: 'NEW' | 'OLD') => `json_object(${carried.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
  const stamp = `strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`;
  for (const op of ['insert', 'update', 'delete'] as const) {
    const alias = op === 'delete' ? 'OLD' : 'NEW';
    db.exec(`DROP TRIGGER IF EXISTS ${table}_change_${op}`);
    db.exec(`CREATE TRIGGER ${table}_change_${op} AFTER ${op.toUpperCase()} ON ${table} BEGIN
      INSERT INTO change_log (tenant_id, entity, entity_id, op, row, changed_at)
      VALUES (${alias}.tenant_id, '${table}', ${alias}.id, '${op}', ${rowJson(alias)}, ${stamp});
    END`);
  }
}

/**
 * Retention of the change log. The rule: a change is kept until sync has acknowledged it AND it is
 * older than the window. There is no sync yet, so nothing is waiting for an acknowledgement and the
 * window alone bounds the table; the sync module adds its acknowledged seq to this rule.
 */
export function pruneChangeLog(db: Db, before: Date): number {
  return db.prepare('DELETE FROM change_log WHERE changed_at < ?').run(before.toISOString()).changes;
}

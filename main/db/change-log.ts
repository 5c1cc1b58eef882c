import type { Db } from './open-database.js';

/**
 * Every synced table records its changes in change_log through triggers, so no code path can
 * change a synced row without the sync module seeing it. The triggers list the table's columns,
 * so a migration that adds a column calls this again to rebuild them.
 */
export function trackChanges(db: Db, table: string): void {
  const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
  const rowJson = (alias: 'NEW' | 'OLD') =>
    `json_object(${columns.map((c) => `'${c}', ${alias}.${c}`).join(', ')})`;
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

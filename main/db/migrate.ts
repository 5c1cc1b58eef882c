import type { Db } from './open-database.js';

export interface Migration {
  /** Numbered, forward-only: a shipped migration is never edited, only followed by a new one. */
  version: number;
  name: string;
  up(db: Db): void;
}

/** Applies what this file has not seen yet, each migration in its own transaction. */
export function migrate(db: Db, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Set(
    db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[],
  );
  const sorted = [...migrations].sort((a, b) => a.version - b.version);
  const newest = sorted.at(-1)?.version ?? 0;
  const unknown = [...applied].filter((v) => v > newest);
  if (unknown.length > 0) {
    // A database from a newer app version: refuse rather than run old code on a newer schema.
    throw new Error(`database schema ${Math.max(...unknown)} is newer than this app (${newest})`);
  }
  const ran: number[] = [];
  for (const m of sorted) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        m.version,
        m.name,
        new Date().toISOString(),
      );
    })();
    ran.push(m.version);
  }
  return ran;
}

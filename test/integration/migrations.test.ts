import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { migrate, migrations, openDatabase, type Db } from '../../main/db/index.js';
import { createTestCore, makeTempDir } from '../support/core-fixture.js';

const NEWEST = Math.max(...migrations.map((m) => m.version));

describe('migrations on a real SQLite file', () => {
  const dirs: string[] = [];
  const dbs: Db[] = [];
  const open = (dir: string) => {
    const db = openDatabase(join(dir, 'rrnet.sqlite'));
    dbs.push(db);
    return db;
  };
  const tempDir = () => {
    const dir = makeTempDir();
    dirs.push(dir);
    return dir;
  };

  afterEach(() => {
    for (const db of dbs.splice(0)) if (db.open) db.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('numbers migrations uniquely, so none is skipped or run twice', () => {
    const versions = migrations.map((m) => m.version);
    expect(new Set(versions).size).toBe(versions.length);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions.map((_, i) => i + 1));
  });

  it('migrates a fresh database to the newest schema', () => {
    const db = open(tempDir());
    expect(migrate(db, migrations)).toEqual(migrations.map((m) => m.version));
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['outbox', 'jobs', 'change_log', 'tenants', 'users', 'sessions', 'customers', 'packages']));
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(NEWEST);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('reopening a migrated database runs nothing and keeps the data', () => {
    const dir = tempDir();
    const first = open(dir);
    migrate(first, migrations);
    first.prepare(`INSERT INTO counters (tenant_id, name, value) VALUES ('t', 'probe', 7)`).run();
    const schema = first.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all();
    first.close();

    const second = open(dir);
    expect(migrate(second, migrations)).toEqual([]);
    expect(second.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schema);
    expect(second.prepare(`SELECT value FROM counters WHERE name = 'probe'`).pluck().get()).toBe(7);
  });

  it('a core restarted on its own file starts cleanly', async () => {
    const fixture = createTestCore();
    try {
      await fixture.restart();
      expect(fixture.core.db.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(migrations.length);
    } finally {
      await fixture.cleanup();
    }
  });

  it('refuses a database written by a newer version of the app, and leaves it untouched', () => {
    const dir = tempDir();
    const db = open(dir);
    migrate(db, migrations);
    db.prepare(`INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, 'from-the-future', '2027-01-01T00:00:00Z')`).run(
      NEWEST + 1,
    );
    const before = db.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get();
    expect(() => migrate(db, migrations)).toThrow(/newer/);
    expect(db.prepare('SELECT COUNT(*) FROM sqlite_master').pluck().get()).toBe(before);
    db.close();
    expect(() => createTestCore({ dataDir: dir })).toThrow(/newer/);
  });

  it('rolls back a migration that fails half-way and records nothing', () => {
    const db = open(tempDir());
    const broken = {
      version: NEWEST + 1,
      name: 'broken',
      up(d: Db) {
        d.exec('CREATE TABLE half_done (id INTEGER)');
        d.exec('THIS IS NOT SQL');
      },
    };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'half_done'`).get()).toBeUndefined();
    expect(db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get()).toBe(NEWEST);
    expect(migrate(db, migrations)).toEqual([]);
  });

  it('019 keeps routers that shared a name (case aside) apart with a number, so one name per tenant holds', () => {
    const db = open(tempDir());
    migrate(db, migrations.filter((m) => m.version < 19));
    const now = '2026-01-05T02:00:00.000Z';
    for (const tenant of ['T1', 'T2']) {
      db.prepare(`INSERT INTO tenants (id, tenant_id, name, timezone, plan, status, created_at, updated_at) VALUES (?, ?, ?, 'Asia/Jakarta', 'basic', 'active', ?, ?)`).run(
        tenant, tenant, tenant, now, now,
      );
    }
    const add = db.prepare(`INSERT INTO routers (id, tenant_id, name, host, created_at, updated_at) VALUES (?, ?, ?, '10.0.0.1', ?, ?)`);
    for (const [id, tenant, name] of [['R1', 'T1', 'RB Pusat'], ['R2', 'T1', 'rb pusat'], ['R3', 'T1', 'RB PUSAT'], ['R4', 'T2', 'RB Pusat']] as const) {
      add.run(id, tenant, name, now, now);
    }
    migrate(db, migrations);
    expect(db.prepare('SELECT id, name FROM routers ORDER BY id').all()).toEqual([
      { id: 'R1', name: 'RB Pusat' },
      { id: 'R2', name: 'rb pusat (2)' },
      { id: 'R3', name: 'RB PUSAT (3)' },
      { id: 'R4', name: 'RB Pusat' },
    ]);
    expect(() => add.run('R5', 'T1', 'Rb Pusat', now, now)).toThrow(/UNIQUE/);
  });
});

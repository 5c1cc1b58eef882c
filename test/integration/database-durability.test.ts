import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, WriteBatcher, type Db } from '../../main/db/index.js';
import { makeTempDir } from '../support/core-fixture.js';

describe('database durability on a real SQLite file', () => {
  let dir: string;
  let db: Db;

  beforeEach(() => {
    dir = makeTempDir();
    db = openDatabase(join(dir, 'rrnet.sqlite'));
    db.exec('CREATE TABLE marks (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  });
  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('syncs every commit to disk (FULL), so a power cut cannot take back a committed write', () => {
    // PRAGMA synchronous answers 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA.
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
  });

  it('a write of two statements whose second fails leaves nothing of the first; the rest of the batch commits', async () => {
    const writes = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO marks (id, note) VALUES (?, ?)');
    const before = writes.run(() => insert.run(1, 'before'));
    const torn = writes.run(() => {
      insert.run(2, 'first half');
      insert.run(3, null); // NOT NULL: the second statement fails
    });
    const after = writes.run(() => insert.run(4, 'after'));

    await expect(before).resolves.toMatchObject({ changes: 1 });
    await expect(torn).rejects.toThrow(/NOT NULL/);
    await expect(after).resolves.toMatchObject({ changes: 1 });
    expect(db.prepare('SELECT id FROM marks ORDER BY id').pluck().all()).toEqual([1, 4]);
  });

  it('a single statement written without a savepoint still fails alone, its trigger\'s work included', async () => {
    db.exec(`CREATE TABLE tally (n INTEGER NOT NULL);
      INSERT INTO tally VALUES (0);
      CREATE TRIGGER count_marks AFTER INSERT ON marks BEGIN
        UPDATE tally SET n = n + 1;
        SELECT RAISE(ABORT, 'refused') WHERE NEW.note = 'refuse';
      END`);
    const writes = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO marks (id, note) VALUES (?, ?)');
    const before = writes.runStatement(() => insert.run(1, 'before'));
    const refused = writes.runStatement(() => insert.run(2, 'refuse'));
    const after = writes.runStatement(() => insert.run(3, 'after'));

    await expect(before).resolves.toMatchObject({ changes: 1 });
    await expect(refused).rejects.toThrow(/refused/);
    await expect(after).resolves.toMatchObject({ changes: 1 });
    expect(db.prepare('SELECT id FROM marks ORDER BY id').pluck().all()).toEqual([1, 3]);
    expect(db.prepare('SELECT n FROM tally').pluck().get()).toBe(2);
  });
});

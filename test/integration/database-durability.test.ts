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

  it('a grouped write writes the items of one turn together, answers each caller its own result, and fails all of them alone', async () => {
    const writes = new WriteBatcher(db);
    const insert = db.prepare('INSERT INTO marks (id, note) SELECT value ->> 0, value ->> 1 FROM json_each(?) RETURNING id').pluck();
    const groups: number[][] = [];
    const add = writes.grouped((items: readonly [number, string | null][]) => {
      groups.push(items.map(([id]) => id));
      const ids = new Set(insert.all(JSON.stringify(items)) as number[]);
      return items.map(([id]) => ids.has(id));
    });
    const first = [add([1, 'a']), add([2, 'b'])];
    const alone = writes.run(() => db.prepare('INSERT INTO marks (id, note) VALUES (3, ?)').run('alone'));
    await expect(Promise.all(first)).resolves.toEqual([true, true]);
    await alone;
    // A later turn is a group of its own; a NOT NULL among its items takes the whole group back, and only it.
    const torn = [add([4, 'c']), add([5, null])];
    const beside = writes.run(() => db.prepare('INSERT INTO marks (id, note) VALUES (6, ?)').run('beside'));
    for (const item of torn) await expect(item).rejects.toThrow(/NOT NULL/);
    await beside;
    expect(groups).toEqual([[1, 2], [4, 5]]);
    expect(db.prepare('SELECT id FROM marks ORDER BY id').pluck().all()).toEqual([1, 2, 3, 6]);
  });
});

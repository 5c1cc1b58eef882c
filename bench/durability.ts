/**
 * The cost of `synchronous = FULL` (one fsync per commit) on a real file: commits per second for
 * single-statement writes that each commit alone, and writes per second through the WriteBatcher
 * (64 in flight, as on the send path), each under FULL (what the core runs) and NORMAL (what it
 * ran before) for comparison. Prints one JSON object. The file goes in RRNET_BENCH_DIR when given:
 * /tmp is often RAM, where an fsync costs nothing and the figure would flatter FULL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase, WriteBatcher, type Db } from '../main/db/index.js';

const SINGLE_COMMITS = 2_000;
const BATCHED_WRITES = 20_000;
const IN_FLIGHT = 64;

const perSecond = (count: number, ms: number) => Math.round((count / ms) * 1000);

function table(db: Db) {
  db.exec('CREATE TABLE IF NOT EXISTS marks (id INTEGER PRIMARY KEY, note TEXT NOT NULL)');
  db.exec('DELETE FROM marks');
  return db.prepare('INSERT INTO marks (note) VALUES (?)');
}

function singleCommits(db: Db): number {
  const insert = table(db);
  const start = performance.now();
  for (let i = 0; i < SINGLE_COMMITS; i++) insert.run(`mark ${i}`);
  return perSecond(SINGLE_COMMITS, performance.now() - start);
}

/** Writers that each wait for their own commit before the next write, like jobs marking progress. */
async function batchedWrites(db: Db): Promise<{ writesPerSecond: number; commitsPerSecond: number }> {
  const insert = table(db);
  const writes = new WriteBatcher(db);
  let commits = 0;
  const flush = writes.flush.bind(writes);
  writes.flush = () => {
    commits += 1;
    flush();
  };
  const start = performance.now();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async (_, w) => {
      for (let i = w; i < BATCHED_WRITES; i += IN_FLIGHT) await writes.run(() => insert.run(`mark ${i}`));
    }),
  );
  const ms = performance.now() - start;
  return { writesPerSecond: perSecond(BATCHED_WRITES, ms), commitsPerSecond: perSecond(commits, ms) };
}

async function measure(sync: 'FULL' | 'NORMAL', dir: string) {
  const db = openDatabase(join(dir, `durability-${sync.toLowerCase()}.sqlite`));
  try {
    db.pragma(`synchronous = ${sync}`);
    return { singleStatementCommitsPerSecond: singleCommits(db), batcher: await batchedWrites(db) };
  } finally {
    db.close();
  }
}

const dir = mkdtempSync(join(process.env.RRNET_BENCH_DIR ?? tmpdir(), 'rrnet-durability-'));
try {
  const full = await measure('FULL', dir);
  const normal = await measure('NORMAL', dir);
  process.stdout.write(
    JSON.stringify({
      dir,
      singleCommits: SINGLE_COMMITS,
      batchedWrites: BATCHED_WRITES,
      inFlight: IN_FLIGHT,
      full,
      normal,
      batcherFullVsNormal: Math.round((full.batcher.writesPerSecond / normal.batcher.writesPerSecond) * 100) / 100,
    }),
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { startChild, until, type ChildRun } from '../support/child-run.js';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir } from '../support/core-fixture.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { tally } from '../support/wa-harness.js';

const CHILD = fileURLToPath(new URL('../support/isolir-crash-child.ts', import.meta.url));
const CUSTOMERS = 200;
/** Kills land once the console has recorded this many isolations as confirmed: twice mid-run. */
const KILL_AFTER_CONFIRMED = [20, 110];

/**
 * What the app does with an isolation a SIGKILL interrupted (main/isolir: the ledger row is written
 * with its durable job in one transaction; only the router's confirmation, committed with the job's
 * 'done', marks it applied; a job found 'running' at start-up is retried, onInterrupted 'retry'):
 *
 * - a request whose job had not run yet simply runs after the restart;
 * - a request whose command was with the router when the process died is sent again: setting a
 *   profile the account already has changes nothing more on the router;
 * - a request the router confirmed and the console recorded is never sent again.
 *
 * So: every customer ends isolated, with one request in their history, and nothing the console had
 * confirmed reaches the router twice.
 */
describe('isolir killed with SIGKILL in the middle of a 200-customer run', () => {
  let router: RouterOsServer;
  let dataDir: string;

  beforeAll(async () => {
    // In this process: it outlives every child, and its tables are the router's truth.
    router = await startRouterOsServer({ version: '7.18', roundTripMs: 20 });
    router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
    router.seed('/ppp/secret', Array.from({ length: CUSTOMERS }, (_, i) => ({ name: `pelanggan.${i + 1}`, password: 'x', profile: 'hemat-10m', service: 'pppoe' })));
    router.seed('/ppp/active', Array.from({ length: CUSTOMERS }, (_, i) => ({ name: `pelanggan.${i + 1}`, address: `10.10.${i >> 8}.${i & 255}` })));
    dataDir = makeTempDir('rrnet-isolir-crash-');
  });

  afterAll(async () => {
    await router.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = (): ChildRun => startChild(CHILD, [dataDir, router.host, String(router.port), String(CUSTOMERS)]);

  const sets = () => router.received.filter((c) => c.words[0] === '/ppp/secret/set');
  const nameOf = (words: readonly string[]) => words.find((w) => w.startsWith('=numbers='))?.slice('=numbers='.length) ?? '';

  /** What the console had recorded as confirmed when it died: its customers' usernames. */
  function confirmedInDatabase(): Set<string> {
    const db = new Database(join(dataDir, 'rrnet.sqlite'), { readonly: true });
    try {
      return new Set(
        db
          .prepare(`SELECT c.username FROM isolir_actions a JOIN customers c ON c.id = a.customer_id WHERE a.status = 'applied'`)
          .pluck()
          .all() as string[],
      );
    } finally {
      db.close();
    }
  }

  it('resumes after each kill: every customer isolated once, none lost, nothing confirmed sent again', { timeout: 180_000 }, async () => {
    const kills: { confirmed: Set<string>; received: number; setsSoFar: number }[] = [];
    for (const killAfter of KILL_AFTER_CONFIRMED) {
      const run = start();
      await until(() => run.lines.includes('ready') || run.child.exitCode !== null, 'the child to be ready', run);
      await until(() => confirmedInDatabase().size >= killAfter || run.lines.includes('done'), `${killAfter} confirmed`, run, 10);
      run.child.kill('SIGKILL');
      await run.exited;
      expect(run.lines, 'killed before it finished').not.toContain('done');
      kills.push({ confirmed: confirmedInDatabase(), received: router.received.length, setsSoFar: sets().length });
    }
    const last = start();
    expect(await last.exited, last.stderr.join('')).toBe(0);
    expect(last.lines).toContain('done');

    const label = `kills: ${kills.map((k) => `${k.setsSoFar} sets, ${k.confirmed.size} confirmed`).join(' | ')}`;
    // Mid-run, really: some were confirmed before the first kill, and not all.
    expect(kills[0]?.confirmed.size, label).toBeGreaterThan(0);
    expect(kills[0]?.confirmed.size, label).toBeLessThan(CUSTOMERS);

    // The router has every customer isolated and every session ended.
    expect(router.table('/ppp/secret').filter((s) => s.profile !== 'isolir'), label).toEqual([]);
    expect(router.table('/ppp/active'), label).toHaveLength(0);
    // A customer confirmed before a kill is never sent again after it.
    for (const kill of kills) {
      const after = router.received.slice(kill.received).filter((c) => c.words[0] === '/ppp/secret/set').map((c) => nameOf(c.words));
      expect(after.filter((name) => kill.confirmed.has(name)), label).toEqual([]);
    }
    // At most once more per kill (a command that was with the router when the process died), never more.
    const perCustomer = tally(sets().map((c) => nameOf(c.words)));
    expect(perCustomer.size, label).toBe(CUSTOMERS);
    expect([...perCustomer.values()].every((n) => n >= 1 && n <= 1 + kills.length), label).toBe(true);

    const db = new Database(join(dataDir, 'rrnet.sqlite'), { readonly: true });
    try {
      // One request per customer in the ledger, applied; every customer isolated; no job left.
      const actions = db.prepare(`SELECT customer_id, status, kind FROM isolir_actions`).all() as { customer_id: string; status: string; kind: string }[];
      expect(actions, label).toHaveLength(CUSTOMERS);
      expect(new Set(actions.map((a) => a.customer_id)).size).toBe(CUSTOMERS);
      expect(actions.every((a) => a.status === 'applied' && a.kind === 'isolate'), label).toBe(true);
      expect(db.prepare(`SELECT COUNT(*) FROM customers WHERE status = 'isolated'`).pluck().get()).toBe(CUSTOMERS);
      expect(db.prepare(`SELECT COUNT(*) FROM jobs WHERE type = 'isolir.apply' AND status <> 'done'`).pluck().get(), label).toBe(0);
    } finally {
      db.close();
    }
  });
});

import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startChild, until, type ChildRun } from '../support/child-run.js';
import { makeTempDir } from '../support/core-fixture.js';
import { localTime } from '../support/billing.js';
import { startRouterOsServer, type RouterOsServer } from '../support/routeros-server.js';
import { tally } from '../support/wa-harness.js';

const CHILD = fileURLToPath(new URL('../support/billing-crash-child.ts', import.meta.url));
/** Monday 5 January 2026, 09:00 WIB: everyone's billing day (the 1st) has come; invoices fall due on the 15th. */
const INVOICE_DAY = localTime('Asia/Jakarta', 2026, 1, 5, 9, 0);
/** Friday 23 January, 08:05 WIB: the 7 grace days after the 15th are over. */
const SCAN_DAY = localTime('Asia/Jakarta', 2026, 1, 23, 8, 5);

/**
 * SIGKILL in the middle of billing's two big writes, then a start on the same file. Each is one
 * IMMEDIATE transaction run as a durable job (onInterrupted 'retry'): a kill before the commit
 * leaves nothing of it, and the start-up runs the job again. The child holds its thread inside
 * the transaction until the kill lands, so the kill is mid-run every time, not by luck of timing.
 */
describe('billing killed with SIGKILL mid-run', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = makeTempDir('rrnet-billing-crash-');
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  const start = (clock: number, work: 'generate' | 'scan' | 'resume', customers: number, pause: 'hold' | 'go', router?: RouterOsServer): ChildRun =>
    startChild(CHILD, [dataDir, String(clock), work, String(customers), pause, ...(router ? [router.host, String(router.port)] : [])]);

  /** Runs a child to the end: exit 0 and "done". */
  async function complete(run: ChildRun): Promise<void> {
    expect(await run.exited, run.stderr.join('')).toBe(0);
    expect(run.lines).toContain('done');
  }

  async function killMidRun(run: ChildRun): Promise<void> {
    await until(() => run.lines.includes('mid-run') || run.child.exitCode !== null, 'the child to be inside the transaction', run);
    run.child.kill('SIGKILL');
    await run.exited;
    expect(run.lines, run.stderr.join('')).toContain('mid-run');
    expect(run.lines).not.toContain('done');
  }

  function read<T>(query: (db: Database.Database) => T): T {
    const db = new Database(join(dataDir, 'rrnet.sqlite'), { readonly: true });
    try {
      return query(db);
    } finally {
      db.close();
    }
  }

  it('in the generation for 20,000 customers: after the restart every customer has one invoice, numbered 1 to 20,000 without a gap', { timeout: 240_000 }, async () => {
    const CUSTOMERS = 20_000;
    await killMidRun(start(INVOICE_DAY, 'generate', CUSTOMERS, 'hold'));
    // Nothing of the killed run was committed: no invoice, no number taken; its job waits to go again.
    expect(read((db) => db.prepare('SELECT COUNT(*) FROM invoices').pluck().get())).toBe(0);
    expect(read((db) => db.prepare('SELECT COUNT(*) FROM customers').pluck().get())).toBe(CUSTOMERS);
    expect(read((db) => db.prepare(`SELECT status FROM jobs WHERE type = 'billing.generate'`).pluck().all())).toEqual(['running']);

    // The start-up takes the interrupted job back and runs it.
    await complete(start(INVOICE_DAY + 60_000, 'resume', CUSTOMERS, 'go'));
    expect(read((db) => db.prepare('SELECT COUNT(*) FROM invoices').pluck().get())).toBe(CUSTOMERS);
    // And a second run on the same day (the schedule, the button) makes nothing more.
    await complete(start(INVOICE_DAY + 120_000, 'generate', CUSTOMERS, 'go'));

    const invoices = read((db) => db.prepare('SELECT customer_id AS customerId, number FROM invoices').all() as { customerId: string; number: string }[]);
    expect(invoices).toHaveLength(CUSTOMERS);
    expect(new Set(invoices.map((i) => i.customerId)).size).toBe(CUSTOMERS);
    const numbers = invoices.map((i) => Number(/-(\d+)$/.exec(i.number)?.[1])).sort((a, b) => a - b);
    expect(numbers[0]).toBe(1);
    expect(numbers.every((n, i) => n === i + 1)).toBe(true);
    expect(new Set(invoices.map((i) => i.number.replace(/-\d+$/, '')))).toEqual(new Set(['INV/202601/A']));
    const runs = read((db) => db.prepare('SELECT created FROM billing_runs ORDER BY started_at').pluck().all());
    expect(runs).toEqual([CUSTOMERS]);
  });

  describe('in the overdue scan', () => {
    const CUSTOMERS = 300;
    let router: RouterOsServer;

    beforeEach(async () => {
      // In this process: it outlives every child, and its tables are the router's truth.
      router = await startRouterOsServer({ version: '7.18' });
      router.seed('/ppp/profile', [{ name: 'hemat-10m' }, { name: 'isolir' }]);
      router.seed('/ppp/secret', Array.from({ length: CUSTOMERS }, (_, i) => ({ name: `p${i}`, password: 'x', profile: 'hemat-10m', service: 'pppoe' })));
    });
    afterEach(() => router.close());

    const sets = () => router.received.filter((c) => c.words[0] === '/ppp/secret/set');
    const nameOf = (words: readonly string[]) => words.find((w) => w.startsWith('=numbers='))?.slice('=numbers='.length) ?? '';

    it('after the restart every overdue customer is isolated once on the router, and a rerun isolates nobody again', { timeout: 240_000 }, async () => {
      await complete(start(INVOICE_DAY, 'generate', CUSTOMERS, 'go', router));
      await killMidRun(start(SCAN_DAY, 'scan', CUSTOMERS, 'hold', router));
      // Killed after the scan asked isolir for all 300, before the commit: nothing asked, nothing claimed, the router untouched.
      expect(read((db) => db.prepare('SELECT COUNT(*) FROM isolir_actions').pluck().get())).toBe(0);
      expect(read((db) => db.prepare('SELECT COUNT(*) FROM billing_overdue_isolations').pluck().get())).toBe(0);
      expect(sets()).toHaveLength(0);

      await complete(start(SCAN_DAY + 60_000, 'resume', CUSTOMERS, 'go', router));
      expect(read((db) => db.prepare(`SELECT COUNT(*) FROM customers WHERE status = 'isolated'`).pluck().get())).toBe(CUSTOMERS);
      const setsAfterRestart = sets().length;
      // The same day's scan again (a second office, the button): nothing new.
      await complete(start(SCAN_DAY + 120_000, 'scan', CUSTOMERS, 'go', router));

      expect(sets()).toHaveLength(setsAfterRestart);
      expect(router.table('/ppp/secret').filter((s) => s.profile !== 'isolir')).toEqual([]);
      const perCustomer = tally(sets().map((c) => nameOf(c.words)));
      expect(perCustomer.size).toBe(CUSTOMERS);
      expect([...perCustomer.values()].every((n) => n === 1)).toBe(true);
      const actions = read((db) => db.prepare(`SELECT customer_id AS customerId, status, kind FROM isolir_actions`).all() as { customerId: string; status: string; kind: string }[]);
      expect(actions).toHaveLength(CUSTOMERS);
      expect(new Set(actions.map((a) => a.customerId)).size).toBe(CUSTOMERS);
      expect(actions.every((a) => a.status === 'applied' && a.kind === 'isolate')).toBe(true);
      expect(read((db) => db.prepare(`SELECT COUNT(*) FROM customers WHERE status = 'isolated'`).pluck().get())).toBe(CUSTOMERS);
      expect(read((db) => db.prepare('SELECT COUNT(*) FROM billing_overdue_isolations').pluck().get())).toBe(CUSTOMERS);
    });
  });
});

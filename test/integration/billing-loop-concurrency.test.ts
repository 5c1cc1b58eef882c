import { afterEach, describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { createOwner, createTestCore, ok, type TestCore } from '../support/core-fixture.js';
import { createPackage, customerInput } from '../support/customers.js';
import { openInvoice } from '../support/billing-loop.js';
import { startChild } from '../support/child-run.js';
import type { LoopScanResult } from '../../main/billing/loop-scan.js';

const CHILD = fileURLToPath(new URL('../support/billing-scan-child.ts', import.meta.url));
const CUSTOMERS = 100;

/**
 * Two offices (two processes, two connections) on one database file run the same day of the loop
 * at the same moment: every isolation, overdue notice and reminder happens once between them.
 */
describe('the billing loop run by two processes at once', () => {
  let t: TestCore;

  afterEach(async () => {
    await t.cleanup();
  });

  it('isolates, notices and reminds each customer once', async () => {
    t = createTestCore();
    const owner = await createOwner(t.core);
    const routerId = t.core.services.routers.create(owner.tenantId, { name: 'Pusat', host: '192.168.88.1', username: 'rrnet', password: 'x' });
    const packageId = await createPackage(t.core, owner.token);
    for (let n = 1; n <= 2 * CUSTOMERS; n++) {
      const id = (await ok(t.core, 'customers.create', { ...customerInput(packageId, n), routerId }, owner.token)).id;
      // Half past their grace on the 19th, half three days before their due date.
      openInvoice(t.core, owner.tenantId, id, n <= CUSTOMERS ? '2026-01-11' : '2026-01-22');
    }
    await t.core.close();

    const startAt = String(Date.now() + 3_000);
    const runs = [0, 1].map(() => startChild(CHILD, [t.dataDir, owner.tenantId, '2026-01-19', startAt]));
    const codes = await Promise.all(runs.map((r) => r.exited));
    expect(codes, runs.flatMap((r) => r.stderr).join('')).toEqual([0, 0]);
    const results = runs.map((r) => JSON.parse(r.lines[0] ?? '{}') as LoopScanResult);
    const total = (key: 'isolated' | 'noticed' | 'reminders') => results.reduce((sum, r) => sum + r[key], 0);
    expect([total('isolated'), total('noticed'), total('reminders')]).toEqual([CUSTOMERS, CUSTOMERS, CUSTOMERS]);

    const core = await t.restart();
    const count = (sql: string) => core.db.prepare(sql).pluck().get() as number;
    expect(count(`SELECT COUNT(*) FROM isolir_actions WHERE kind = 'isolate'`)).toBe(CUSTOMERS);
    expect(count(`SELECT COUNT(DISTINCT customer_id) FROM isolir_actions`)).toBe(CUSTOMERS);
    expect(count(`SELECT COUNT(*) FROM outbox WHERE name = 'invoice_overdue'`)).toBe(CUSTOMERS);
    expect(count(`SELECT COUNT(*) FROM outbox WHERE name = 'invoice_due_reminder'`)).toBe(CUSTOMERS);
  });
});

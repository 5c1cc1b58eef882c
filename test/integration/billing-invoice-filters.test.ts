import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, ok, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime, seedCustomers } from '../support/billing.js';

let t: TestCore;
let o: Awaited<ReturnType<typeof billingTenant>>;
let ids: string[];

beforeEach(async () => {
  t = createTestCore({ clock: pinnedClock(localTime('Asia/Jakarta', 2026, 11, 2, 9, 0)) });
  o = await billingTenant(t.core);
  ids = seedCustomers(t.core, o.tenantId, o.packageId, 3, { billingDay: () => 1 });
  await ok(t.core, 'billing.invoices.generate', {}, o.token);
});
afterEach(() => t.cleanup());

const list = async (filter: Parameters<typeof ok<'billing.invoices.list'>>[2]) => (await ok(t.core, 'billing.invoices.list', filter, o.token)).items;
const pay = (customerId: string, amount: number, requestKey: string) => ok(t.core, 'billing.payments.record', { requestKey, customerId, amount, method: 'cash' }, o.token);

/** The lists the dashboard's money cards open: what is still owed, and what falls due in a span of days. */
describe('invoice list filters for the money cards', () => {
  it('lists unpaid and partly paid invoices together as open, and narrows them by status', async () => {
    await pay(ids[0] as string, 150_000, 'filters-paid-1');
    await pay(ids[1] as string, 50_000, 'filters-part-1');
    expect((await list({ open: true })).map((i) => i.status).sort()).toEqual(['partial', 'unpaid']);
    expect((await list({ open: true, status: 'partial' })).map((i) => i.customerId)).toEqual([ids[1]]);
    expect(await list({})).toHaveLength(3);
  });

  it('lists the invoices due within a span of days, both ends included', async () => {
    const [first] = await list({});
    const due = first?.dueDate ?? '';
    const dayAfter = new Date(Date.parse(`${due}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(await list({ dueFrom: due, dueTo: due })).toHaveLength(3);
    expect(await list({ dueFrom: dayAfter })).toHaveLength(0);
    expect(await list({ dueTo: due, open: true })).toHaveLength(3);
  });
});

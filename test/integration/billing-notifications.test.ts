import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestCore, ok, pinnedClock, type TestCore } from '../support/core-fixture.js';
import { billingTenant, localTime } from '../support/billing.js';
import { customerInput } from '../support/customers.js';

/** Billing's WhatsApp messages, rendered from the system templates with the invoice's own figures. */
describe('billing on WhatsApp', () => {
  let t: TestCore;
  let o: Awaited<ReturnType<typeof billingTenant>>;
  let customerId: string;

  beforeEach(async () => {
    t = createTestCore({ clock: pinnedClock(localTime('Asia/Makassar', 2026, 11, 5, 9, 0)) });
    o = await billingTenant(t.core, 'Asia/Makassar');
    customerId = (await ok(t.core, 'customers.create', customerInput(o.packageId, 1, { billingDay: 1 }), o.token)).id;
  });
  afterEach(() => t.cleanup());

  /** The rendered text as queued (the log screen masks digits, so the row is read here). */
  const messages = async (templateKey: string) => {
    await t.core.bus.drain();
    return t.core.db.prepare('SELECT content, error_code AS errorCode FROM wa_messages WHERE template_key = ? ORDER BY rowid').all(templateKey) as { content: string; errorCode: string | null }[];
  };
  const pay = (amount: number, requestKey: string) => ok(t.core, 'billing.payments.record', { requestKey, customerId, amount, method: 'bank', reference: 'BRI 7' }, o.token);

  it('monthly invoices send no message unless the tenant turns it on; then amount, period, due date and the payment link', async () => {
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    expect(await messages('invoice_created')).toHaveLength(0);
    await ok(t.core, 'billing.settings.update', { notifyInvoiceCreated: true, paymentUrlPattern: 'https://bayar.example/{{invoice_number}}' }, o.token);
    await ok(t.core, 'customers.create', customerInput(o.packageId, 2, { billingDay: 1 }), o.token);
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    const [sent] = await messages('invoice_created');
    expect(sent).toMatchObject({ errorCode: null });
    expect(sent?.content).toContain('Rp');
    expect(sent?.content).toContain('150.000');
    expect(sent?.content).toContain('November 2026');
    expect(sent?.content).toContain('INV/202611/A-00002');
    expect(sent?.content).toContain('https://bayar.example/INV%2F202611%2FA-00002');
  });

  it('a payment in full sends invoice_paid (not payment_recorded too); a part sends payment_recorded with what is left, and no link line without a pattern', async () => {
    await ok(t.core, 'billing.invoices.generate', {}, o.token);
    await pay(100_000, 'notify-0001');
    const [partial] = await messages('payment_recorded');
    expect(partial?.content).toContain('100.000');
    expect(partial?.content).toContain('Sisa tagihan: Rp');
    expect(partial?.content).toContain('50.000');
    expect(partial?.content).not.toContain('online');
    await pay(50_000, 'notify-0002');
    expect(await messages('payment_recorded')).toHaveLength(1);
    const [paid] = await messages('invoice_paid');
    expect(paid?.content).toContain('150.000');
    expect(paid?.content).toContain('Tagihan periode November 2026 sudah LUNAS.');
    expect(paid?.content).toContain('Transfer bank');
    expect(paid?.content).toContain('WITA');
  });
});

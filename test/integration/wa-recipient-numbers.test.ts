import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { en } from '../../shared/i18n/en.js';
import { call, createOwner, createTestCore, type OwnerSession, type TestCore } from '../support/core-fixture.js';

/** A number typed without "+" is read as Indonesian: only a mobile may then be sent WhatsApp. */
describe('numbers WhatsApp messages are sent to, through the contract', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    t.core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
  });
  afterEach(() => t.cleanup());

  it('never sends a test message to a US number misread as +62, nor to a landline', async () => {
    for (const to of ['12025550143', '(202) 555-0143', '021-5551234']) {
      expect(await call(t.core, 'wa.testSend', { to }, owner.token, 'en'), to).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', fields: { to: en.validation.waNumber } },
      });
    }
    expect(t.core.db.prepare('SELECT COUNT(*) FROM wa_messages').pluck().get()).toBe(0);
    expect(await call(t.core, 'wa.testSend', { to: '+1 202 555 0143' }, owner.token)).toMatchObject({ ok: true });
  });

  it('refuses a landline among the alert recipients', async () => {
    const result = await call(t.core, 'wa.settings.update', { adminRecipients: ['0812-3456-7890', '021-5551234'] }, owner.token, 'en');
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { 'adminRecipients.1': en.validation.waNumber } } });
  });
});

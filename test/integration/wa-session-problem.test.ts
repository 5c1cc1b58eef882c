import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createFakeWweb, type FakeWweb } from '../support/fake-wweb-client.js';
import { waSettings, whatsappOwner } from '../support/wa-harness.js';

/** The office has no internet when WhatsApp Web opens: the screen must say so, not blame the browser. */
describe('WhatsApp connection problems as the screens show them', () => {
  let t: TestCore;
  let owner: OwnerSession;
  let wweb: FakeWweb;

  beforeEach(async () => {
    wweb = createFakeWweb();
    t = createTestCore({ wa: { clientFactory: wweb.factory, findBrowser: () => ({ ok: true, path: '/usr/bin/chromium', source: 'detected' }) } });
    owner = await whatsappOwner(t.core);
    await waSettings(t.core, owner, { provider: 'wwebjs' });
  });
  afterEach(() => t.cleanup());

  it('explains net::ERR_NAME_NOT_RESOLVED as no internet in Indonesian and English, the raw words kept as technical detail', async () => {
    wweb.failNextInitialize('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    await ok(t.core, 'wa.session.start', {}, owner.token);
    await expect.poll(async () => (await ok(t.core, 'wa.session.status', {}, owner.token)).state).toBe('error');
    const status = await ok(t.core, 'wa.session.status', {}, owner.token);
    expect(status.detail).toContain('tidak tersambung ke internet');
    expect(status.detail).not.toMatch(/browser|ERR_|ENOTFOUND/i);
    expect(status.technical).toBe('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');

    const english = await call(t.core, 'wa.session.status', {}, owner.token, 'en');
    expect(english.ok && english.data.detail).toContain('not connected to the internet');
  });
});

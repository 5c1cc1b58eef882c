import { PDFParse } from 'pdf-parse';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';

describe('documents.sample.html / documents.sample.pdf: a sample with the ISP profile', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
    await ok(
      t.core,
      'tenant.profile.update',
      { address: 'Jl. Melati No. 5', phone: '0812-3456-7890', email: '', footer: 'Terima kasih.', bankAccounts: [{ bank: 'BRI', number: '0021-01-000123-30-5', holder: 'Budi' }] },
      owner.token,
    );
  });
  afterEach(() => t.cleanup());

  it('prints the saved profile, in the caller language, on the asked paper', async () => {
    const { html } = await ok(t.core, 'documents.sample.html', { kind: 'invoice', size: '80mm' }, owner.token);
    expect(html).toContain('@page { size: 80mm');
    expect(html).toContain('BRI 0021-01-000123-30-5 a.n. Budi');
    expect(html).toContain('Net Kampung Sejahtera');

    const english = await call(t.core, 'documents.sample.pdf', { kind: 'receipt', size: 'a4' }, owner.token, 'en');
    expect(english.ok).toBe(true);
    if (!english.ok) return;
    expect(english.data).toMatchObject({ fileName: 'contoh-receipt-a4.pdf', mimeType: 'application/pdf' });
    const text = (await new PDFParse({ data: new Uint8Array(Buffer.from(english.data.data, 'base64')) }).getText()).text.replace(/\s+/g, ' ');
    expect(text).toContain('RECEIPT');
    expect(text).toContain('Net Kampung Sejahtera');
    expect(text).toContain('Rp 200.000');
    // Issued on the pinned clock's day (05/01/2026 09.00 WIB).
    expect(text).toContain('Received 05/01/2026 09:00 WIB');
  });

  it('goes to the office (finance prints too), not to technicians', async () => {
    await ok(t.core, 'users.create', { username: 'teknisi', displayName: 'Teknisi', role: 'technician', password: 'rahasia-123' }, owner.token);
    const technician = await login(t.core, 'teknisi', 'rahasia-123');
    expect(await call(t.core, 'documents.sample.html', { kind: 'receipt', size: '58mm' }, technician)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call(t.core, 'documents.sample.pdf', { kind: 'receipt', size: 'letter' as '58mm' }, owner.token)).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

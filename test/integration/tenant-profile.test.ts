import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGO_MAX_BYTES } from '../../shared/domain/tenant-profile.js';
import { call, createOwner, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { logoPng } from '../support/logo.js';

const PROFILE = {
  address: 'Jl. Melati No. 5, RT 02/RW 03\nDesa Sukamaju',
  phone: '0812-3456-7890',
  email: 'admin@sukamaju.net.id',
  footer: 'Terima kasih telah berlangganan.',
  bankAccounts: [
    { bank: 'BCA', number: '1234567890', holder: "Budi O'Brien" },
    { bank: 'DANA', number: '081234567890', holder: 'Budi' },
  ],
};

describe('tenant profile (tenant.profile.get / update)', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  it('starts with the tenant name only, and keeps what is saved (phone in E.164) across a restart', async () => {
    const empty = await ok(t.core, 'tenant.profile.get', {}, owner.token);
    expect(empty).toMatchObject({ address: '', bankAccounts: [], logo: null });
    expect(empty.name).toBe((await ok(t.core, 'tenant.get', {}, owner.token)).name);

    const logo = logoPng().toString('base64');
    await ok(t.core, 'tenant.profile.update', { ...PROFILE, logo }, owner.token);
    await t.restart();
    const saved = await ok(t.core, 'tenant.profile.get', {}, owner.token);
    expect(saved).toMatchObject({ ...PROFILE, phone: '+6281234567890', logo: { type: 'image/png', base64: logo } });
  });

  it('keeps the logo when the update leaves it out, and removes it on null', async () => {
    await ok(t.core, 'tenant.profile.update', { ...PROFILE, logo: logoPng().toString('base64') }, owner.token);
    const kept = await ok(t.core, 'tenant.profile.update', { ...PROFILE, footer: 'Baru' }, owner.token);
    expect(kept.logo?.type).toBe('image/png');
    expect(kept.footer).toBe('Baru');
    const removed = await ok(t.core, 'tenant.profile.update', { ...PROFILE, logo: null }, owner.token);
    expect(removed.logo).toBeNull();
  });

  it('refuses a logo that is not PNG or JPEG by its bytes, whatever it claims, and one over 512 kB', async () => {
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>').toString('base64');
    const notImage = await call(t.core, 'tenant.profile.update', { ...PROFILE, logo: svg }, owner.token, 'en');
    expect(notImage).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { logo: 'The logo must be a PNG or JPEG image.' } } });

    const big = logoPng(96, LOGO_MAX_BYTES).toString('base64');
    const tooBig = await call(t.core, 'tenant.profile.update', { ...PROFILE, logo: big }, owner.token);
    expect(tooBig).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { logo: 'Logo terlalu besar: maksimal 512 kB.' } } });

    const jpegHead = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
    expect((await ok(t.core, 'tenant.profile.update', { ...PROFILE, logo: jpegHead }, owner.token)).logo?.type).toBe('image/jpeg');
  });

  it('takes at most 5 bank accounts, and refuses a bad email and phone', async () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ bank: `Bank ${i}`, number: String(i), holder: 'Budi' }));
    const answer = await call(t.core, 'tenant.profile.update', { ...PROFILE, bankAccounts: six, email: 'budi@', phone: '12' }, owner.token);
    expect(answer).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    expect(!answer.ok && Object.keys(answer.error.fields ?? {}).sort()).toEqual(['bankAccounts', 'email', 'phone']);
  });

  it('finance reads it (to print), only owner and admin change it', async () => {
    await ok(t.core, 'users.create', { username: 'keuangan', displayName: 'Keuangan', role: 'finance', password: 'rahasia-123' }, owner.token);
    const finance = await login(t.core, 'keuangan', 'rahasia-123');
    expect((await call(t.core, 'tenant.profile.get', {}, finance)).ok).toBe(true);
    expect(await call(t.core, 'tenant.profile.update', PROFILE, finance)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});

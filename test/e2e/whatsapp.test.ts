import { randomBytes } from 'node:crypto';
import jsqr from 'jsqr';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeWweb, type FakeWweb } from '../support/fake-wweb-client.js';
import { startApp, type E2eApp } from './support/browser.js';

const OWNER_PASSWORD = 'rahasia-demo-1';

/** Shaped like WhatsApp Web's pairing text: a ref and three base64 keys, comma separated. */
function pairingText(): string {
  const part = (bytes: number) => randomBytes(bytes).toString('base64');
  return `2@${part(66)},${part(32)},${part(32)},${part(32)}`;
}

/**
 * Reads the QR the page shows the way a phone would: the picture's pixels, decoded. The data URL is
 * drawn onto a canvas in the page (string-evaluated: the test's tsconfig has no DOM types) and jsQR
 * decodes the RGBA pixels here in Node.
 */
async function readQr(page: Page): Promise<string | null> {
  const src = await page.getByTestId('wa-qr').getAttribute('src');
  if (!src?.startsWith('data:image/png;base64,')) return null;
  const pixels = (await page.evaluate(`(async () => {
    const img = new Image();
    img.src = ${JSON.stringify(src)};
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = img.naturalWidth;
    canvas.height = img.naturalHeight;
    const context = canvas.getContext('2d');
    context.drawImage(img, 0, 0);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return { width: image.width, height: image.height, data: Array.from(image.data) };
  })()`)) as { width: number; height: number; data: number[] };
  // jsqr is CommonJS whose exports carry the function as `default` too; NodeNext types see only that.
  return jsqr.default(Uint8ClampedArray.from(pixels.data), pixels.width, pixels.height)?.data ?? null;
}

describe('WhatsApp in the demo ISP (web mode, Chromium, fake whatsapp-web.js)', () => {
  let app: E2eApp;
  let wweb: FakeWweb;

  beforeAll(async () => {
    wweb = createFakeWweb();
    app = await startApp('wa', { ownerPassword: OWNER_PASSWORD, demo: true, wa: { clientFactory: wweb.factory } });
    const { page } = app;
    await page.goto(app.server.url);
    await page.getByTestId('input-username').fill('owner');
    await page.getByTestId('input-password').fill(OWNER_PASSWORD);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('dashboard').waitFor();
  });

  afterAll(async () => {
    await app?.close();
  });

  it('opens the WhatsApp overview of a Premium ISP: metrics and connection state', async () => {
    const { page } = app;
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('wa-metrics').waitFor();
    expect(await page.getByTestId('wa-metric-sent').textContent()).toBe('0');
    expect(await page.getByTestId('wa-metric-error-rate').textContent()).toBe('0%');
    // Words an office reads, not an engineer's: no percentiles, no "error".
    expect(await page.getByTestId('wa-metrics').textContent()).not.toMatch(/p50|p95|error|latensi/i);
    expect(await page.getByTestId('wa-overview-state').textContent()).toBeTruthy();
    expect(await page.getByTestId('coming-soon').count()).toBe(0);
    await app.shot('overview');
  });

  it('pairs whatsapp-web.js by QR: the picture decodes to the exact pairing text, and follows each new one', async () => {
    const { page } = app;
    await page.getByTestId('tab-settings').click();
    const form = page.getByTestId('wa-settings-form');
    await form.waitFor();
    await app.shot('settings-dry-run');

    // Refusals by the contract's rules land next to the fields they are about, all in one round.
    await form.getByTestId('wa-rate').fill('99');
    await form.getByTestId('wa-admins').fill('0812-1111-2222\n12345');
    await form.getByTestId('wa-settings-save').click();
    await form.getByTestId('error-ratePerSecond').waitFor();
    expect(await form.getByTestId('error-ratePerSecond').textContent()).toContain('Maksimal 50 pesan per detik');
    expect(await form.getByTestId('error-adminRecipients').textContent()).toContain('Nomor ke-2');
    expect(await form.getByTestId('error-adminRecipients').textContent()).toContain('Nomor HP tidak valid');
    await form.getByTestId('wa-rate').scrollIntoViewIfNeeded();
    await app.shot('settings-errors');
    await form.getByTestId('wa-rate').fill('10');
    await form.getByTestId('wa-admins').fill('0812-1111-2222');

    await form.getByTestId('wa-provider').selectOption('wwebjs');
    // Quiet hours would hold the test message until morning when this runs at night (WIB).
    await form.getByTestId('wa-quiet-enabled').uncheck();
    await form.getByTestId('wa-settings-save').click();
    await page.getByTestId('wa-pairing').waitFor();
    // The session's state is its own query, refreshed by the save's event: under load it can land
    // a moment after the settings that show the pairing block.
    await expect.poll(() => page.getByTestId('wa-state').getAttribute('data-state')).toBe('stopped');
    await page.getByTestId('wa-pairing').scrollIntoViewIfNeeded();
    await app.shot('settings-wwebjs');

    await page.getByTestId('wa-connect').click();
    await expect.poll(() => wweb.clients.length).toBe(1);
    await expect.poll(() => wweb.latest().initializeCalls).toBe(1);
    expect(wweb.latest().params.executablePath).toBeTruthy();

    const first = pairingText();
    wweb.latest().emitQr(first);
    await page.getByTestId('wa-qr').waitFor();
    await expect.poll(() => readQr(page)).toBe(first);
    expect(await page.getByTestId('wa-state').getAttribute('data-state')).toBe('qr');
    await app.shot('qr');

    // WhatsApp Web renews the code every ~20 s: the picture must follow, never keep an old code.
    const second = pairingText();
    wweb.latest().emitQr(second);
    await expect.poll(() => readQr(page)).toBe(second);
    await app.shot('qr-renewed');

    wweb.latest().scan();
    await expect.poll(() => page.getByTestId('wa-state').getAttribute('data-state')).toBe('ready');
    expect(await page.getByTestId('wa-qr').count()).toBe(0);
    expect(await page.getByTestId('wa-header-state').getAttribute('data-state')).toBe('ready');
    await app.shot('ready');
  });

  it('sends a test message that shows in the Log as sent, then delivered when the phone acks it', async () => {
    const { page } = app;
    await page.getByTestId('wa-test-to').fill('0812-3456-7890');
    await page.getByTestId('wa-test-send').click();
    await page.getByTestId('wa-test-result').waitFor();
    expect(await page.getByTestId('wa-test-result').textContent()).toContain('0812-3456-7890');
    await expect.poll(() => wweb.latest().sent.length).toBe(1);
    const sent = wweb.latest().sent[0];
    expect(sent?.chatId).toBe('6281234567890@c.us');
    await app.shot('test-sent');

    await page.getByTestId('wa-test-open-log').click();
    const row = page.getByTestId('wa-log-row').first();
    await row.waitFor();
    await expect.poll(() => row.getAttribute('data-status')).toBe('sent');
    const text = await row.textContent();
    expect(text).toContain('Pesan uji');
    expect(text).toContain('WhatsApp Web');
    // The log masks the customer's number.
    expect(await row.getByTestId('wa-log-to-cell').textContent()).toMatch(/^0812\*+7890$/);
    await app.shot('log-sent');

    wweb.latest().ack(sent?.message.id._serialized ?? '', 2);
    await expect.poll(() => row.getAttribute('data-status')).toBe('delivered');
    expect(await row.getByTestId('wa-status').textContent()).toBe('Diterima');
    await app.shot('log-delivered');
  });

  it('shows a failed message with its reason under Gagal, and sends it again with Kirim ulang', async () => {
    const { page } = app;
    wweb.latest().setRegistered('6281311112222', false);
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('wa-test-to').fill('0813-1111-2222');
    await page.getByTestId('wa-test-send').click();
    await page.getByTestId('wa-test-result').waitFor();

    await page.getByTestId('tab-failures').click();
    const row = page.getByTestId('wa-failure-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain('NOT_ON_WHATSAPP');
    expect(await row.textContent()).toContain('tidak memakai WhatsApp');
    await app.shot('failures');

    await page.getByTestId('tab-log').click();
    const logRow = page.getByTestId('wa-log-row').filter({ hasText: '0813' }).first();
    await expect.poll(() => logRow.getAttribute('data-status')).toBe('failed');
    expect(await logRow.textContent()).toContain('NOT_ON_WHATSAPP');
    await page.getByTestId('wa-log-status').selectOption('failed');
    await expect.poll(() => page.getByTestId('wa-log-row').count()).toBe(1);
    await app.shot('log-failed-filter');
    await page.getByTestId('wa-log-status').selectOption('');

    // The customer installed WhatsApp after all.
    wweb.latest().setRegistered('6281311112222', true);
    await page.getByTestId('tab-failures').click();
    await page.getByTestId('wa-retry').first().click();
    await page.getByTestId('wa-failures-empty').waitFor();
    await expect.poll(() => wweb.latest().sent.filter((m) => m.chatId === '6281311112222@c.us').length).toBe(1);
    await app.shot('failures-empty');
  });

  it('skips numbers that opted out, and lets staff take them off the list again', async () => {
    const { page } = app;
    await page.getByTestId('tab-settings').click();
    const panel = page.getByTestId('wa-optout');
    await panel.getByTestId('wa-optout-phone').fill('0857-2222-3333');
    await panel.getByTestId('wa-optout-reason').fill('Minta berhenti lewat telepon');
    await panel.getByTestId('wa-optout-add').click();
    const optOut = panel.getByTestId('wa-optout-row').filter({ hasText: '0857-2222-3333' });
    await optOut.waitFor();
    expect(await optOut.textContent()).toContain('Minta berhenti lewat telepon');

    await page.getByTestId('wa-test-to').fill('0857-2222-3333');
    await page.getByTestId('wa-test-send').click();
    await page.getByTestId('wa-test-result').waitFor();
    await optOut.scrollIntoViewIfNeeded();
    await app.shot('opt-out');
    await page.getByTestId('tab-log').click();
    const row = page.getByTestId('wa-log-row').filter({ hasText: '0857' }).first();
    await expect.poll(() => row.getAttribute('data-status')).toBe('skipped');
    expect(await row.textContent()).toContain('OPTED_OUT');
    expect(wweb.latest().sent.some((m) => m.chatId === '6285722223333@c.us')).toBe(false);

    await page.getByTestId('tab-settings').click();
    await page.getByTestId('wa-optout-row').filter({ hasText: '0857-2222-3333' }).getByTestId('wa-optout-remove').click();
    await page.getByTestId('wa-optout-list-empty').waitFor();
  });

  it('edits a template with variable chips and a live WhatsApp preview, lists its errors, saves and restores it', async () => {
    const { page } = app;
    await page.getByTestId('tab-templates').click();
    await page.locator('[data-testid="wa-template-item"][data-key="customer_welcome"]').click();
    const editor = page.locator('[data-testid="wa-template-editor"][data-key="customer_welcome"]');
    await editor.waitFor();
    await editor.getByTestId('wa-preview').waitFor();
    expect(await editor.getByTestId('wa-preview').textContent()).toContain('Budi Santoso');

    const text = editor.getByTestId('wa-template-text');
    await text.fill('Halo *{name}*, selamat bergabung di ');
    await editor.getByTestId('wa-var-chip').filter({ hasText: '{isp_name}' }).click();
    await page.keyboard.type('!');
    expect(await text.inputValue()).toBe('Halo *{name}*, selamat bergabung di {isp_name}!');
    await expect.poll(() => editor.getByTestId('wa-preview').textContent()).toContain('selamat bergabung di RT/RW Net Sejahtera!');
    // WhatsApp's *bold* is drawn bold, as the customer will see it.
    expect(await editor.getByTestId('wa-preview').locator('strong').textContent()).toBe('Budi Santoso');
    await app.shot('template-preview');

    await text.fill('Halo {nama_pelanggan}, selamat bergabung di {isp_name}!');
    await editor.getByTestId('wa-template-errors').waitFor();
    expect(await editor.getByTestId('wa-template-errors').textContent()).toContain('nama_pelanggan');
    await editor.getByTestId('wa-template-save').click();
    await expect.poll(() => editor.getByTestId('wa-template-errors').textContent()).toContain('nama_pelanggan');
    await app.shot('template-errors');

    await text.fill('Halo {name}, selamat bergabung di {isp_name}!');
    await editor.getByTestId('wa-template-save').click();
    const item = page.locator('[data-testid="wa-template-item"][data-key="customer_welcome"]');
    await item.getByTestId('wa-template-custom').waitFor();
    await expect.poll(() => editor.getByTestId('wa-template-errors').count()).toBe(0);
    await expect.poll(() => editor.getByTestId('wa-preview').textContent()).toContain('Halo Budi Santoso');
    await app.shot('template-saved');

    await editor.getByTestId('wa-template-reset').click();
    await page.getByTestId('confirm-dialog').waitFor();
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('confirm-dismiss');
    await page.getByTestId('confirm-ok').click();
    await item.getByTestId('wa-template-custom').waitFor({ state: 'detached' });
    expect(await text.inputValue()).toContain('Selamat datang di {isp_name}, {name}!');
  });

  it('keeps an unsaved template edit while the operator looks elsewhere, and asks before the window closes', async () => {
    const { page } = app;
    const unloadBlocked = () =>
      page.evaluate<boolean>(`(() => { const e = new Event('beforeunload', { cancelable: true }); window.dispatchEvent(e); return e.defaultPrevented; })()`);
    const item = (key: string) => page.locator(`[data-testid="wa-template-item"][data-key="${key}"]`);
    const text = (key: string) => page.locator(`[data-testid="wa-template-editor"][data-key="${key}"]`).getByTestId('wa-template-text');
    await page.getByTestId('tab-templates').click();
    await item('customer_welcome').click();
    const saved = await text('customer_welcome').inputValue();
    const draft = 'Halo {name}, selamat bergabung! Draf ini belum disimpan.';
    await text('customer_welcome').fill(draft);
    expect(await unloadBlocked()).toBe(true);

    // Another template, another tab: the draft is still there when the operator comes back.
    await item('invoice_paid').click();
    await text('invoice_paid').waitFor();
    expect(await item('customer_welcome').getByTestId('wa-template-unsaved').textContent()).toBe('belum disimpan');
    await app.shot('template-unsaved');
    await page.getByTestId('tab-log').click();
    await page.getByTestId('tab-templates').click();
    await item('customer_welcome').click();
    expect(await text('customer_welcome').inputValue()).toBe(draft);

    // Back to the saved words: nothing is unsaved, nothing to ask about.
    await text('customer_welcome').fill(saved);
    await item('customer_welcome').getByTestId('wa-template-unsaved').waitFor({ state: 'detached' });
    expect(await unloadBlocked()).toBe(false);
  });

  it('schedules a broadcast to one package at a WIB time, shows its progress and cancels it', async () => {
    const { page } = app;
    await page.getByTestId('tab-broadcast').click();
    await page.getByTestId('wa-broadcast-empty').waitFor();
    await page.getByTestId('wa-broadcast-new').click();
    const form = page.getByTestId('wa-broadcast-form');
    await form.waitFor();
    await form.getByTestId('wa-broadcast-kind').selectOption('package');
    const pkg = form.getByTestId('wa-broadcast-package');
    await pkg.locator('option').nth(1).waitFor({ state: 'attached' });
    await pkg.selectOption({ index: 1 });
    const packageName = (await pkg.locator('option').nth(1).textContent()) ?? '';
    await form.getByTestId('wa-broadcast-message').fill('Besok pukul 01.00-03.00 WIB ada pemeliharaan jaringan.');
    // Tomorrow 08:00 on the ISP's clock (WIB), typed as office staff write it (dd/mm/yyyy, 24-hour), whatever zone and language this machine has.
    const tomorrow = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date(Date.now() + 24 * 3600_000));
    const [year, month, day] = tomorrow.split('-');
    await form.getByTestId('wa-broadcast-schedule-day').fill(`${day}/${month}/${year}`);
    await form.getByTestId('wa-broadcast-schedule-time').fill('8.00');
    await form.getByTestId('wa-broadcast-submit').click();
    const confirm = page.getByTestId('wa-broadcast-confirm');
    await confirm.waitFor();
    expect(await confirm.textContent()).toContain(packageName);
    expect(await confirm.textContent()).toContain('08.00 WIB');
    await app.shot('broadcast-confirm');
    await page.getByTestId('wa-broadcast-confirm-ok').click();
    await form.waitFor({ state: 'detached' });

    const row = page.getByTestId('wa-broadcast-row').first();
    await row.waitFor();
    expect(await row.textContent()).toContain(`${day}/${month}/${year} 08.00 WIB`);
    expect(await row.textContent()).toContain(packageName);
    expect(Number(await row.getByTestId('wa-count-queued').textContent().then((t) => t?.replace(/\D/g, '')))).toBeGreaterThan(0);
    await app.shot('broadcast-scheduled');

    await row.getByTestId('wa-broadcast-cancel').click();
    const dialog = page.getByTestId('confirm-dialog');
    await dialog.waitFor();
    // One word for stopping and another for leaving it be, never "Batal" beside "Batalkan";
    // the way out holds the focus, so Enter does not stop the broadcast.
    expect(await dialog.getByTestId('confirm-ok').textContent()).toBe('Hentikan');
    expect(await dialog.getByTestId('confirm-dismiss').textContent()).toBe('Biarkan berjalan');
    expect(await dialog.textContent()).not.toMatch(/\bBatal\b/);
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('confirm-dismiss');
    await app.shot('broadcast-stop-confirm');
    await page.getByTestId('confirm-ok').click();
    await row.getByTestId('wa-count-cancelled').waitFor();
    expect(await row.getByTestId('wa-count-queued').count()).toBe(0);
    expect(await row.getByTestId('wa-broadcast-cancel').count()).toBe(0);
    await app.shot('broadcast-cancelled');
  });

  it('fills {name} in the operator\'s text, shows the count and a sample before sending, refuses what it cannot send, and says when it is finished', async () => {
    const { page, server } = app;
    await page.getByTestId('tab-broadcast').click();
    await page.getByTestId('wa-broadcast-new').click();
    const form = page.getByTestId('wa-broadcast-form');
    await form.waitFor();

    // A placeholder the broadcast has no data for is refused on the field, naming what can be used.
    await form.getByTestId('wa-broadcast-message').fill('Tagihan {amount} jatuh tempo {due_date}.');
    await form.getByTestId('wa-broadcast-submit').click();
    await form.getByTestId('error-message').waitFor();
    expect(await form.getByTestId('error-message').textContent()).toContain('{name}, {isp_name}, {package_name}');
    expect(await page.getByTestId('wa-broadcast-confirm').count()).toBe(0);
    await app.shot('broadcast-variable-refused');

    // The smallest ODP: few enough messages to watch them all go out.
    await form.getByTestId('wa-broadcast-kind').selectOption('odp');
    const odp = form.getByTestId('wa-broadcast-odp');
    await odp.locator('option').nth(1).waitFor({ state: 'attached' });
    const options = (await odp.locator('option').allTextContents()).map((text, index) => ({ index, count: Number(/(\d+) pelanggan/.exec(text)?.[1] ?? 0) }));
    const smallest = options.filter((o) => o.count > 0).sort((a, b) => a.count - b.count)[0];
    if (!smallest) throw new Error('the demo has no ODP with customers');
    await odp.selectOption({ index: smallest.index });
    await form.getByTestId('wa-broadcast-message').fill('Halo {name}, malam ini ada perbaikan kabel di ODP Anda. Terima kasih atas kesabarannya.');
    await form.getByTestId('wa-broadcast-submit').click();

    const confirm = page.getByTestId('wa-broadcast-confirm');
    await confirm.waitFor();
    expect(await confirm.getByTestId('wa-broadcast-count').textContent()).toContain(`ke ${smallest.count} pelanggan`);
    const sample = (await confirm.getByTestId('wa-broadcast-sample').textContent()) ?? '';
    expect(sample).toMatch(/^Halo [^{]+, malam ini ada perbaikan kabel/);
    expect(sample.match(/Halo/g)).toHaveLength(1);
    expect(await confirm.getByTestId('wa-broadcast-confirm-ok').textContent()).toBe(`Kirim ke ${smallest.count} pelanggan`);
    // Going back holds the focus, not sending: Enter must not reach every customer by accident.
    expect(await page.evaluate('document.activeElement?.dataset.testid')).toBe('wa-broadcast-confirm-back');
    await app.shot('broadcast-preview');

    const before = wweb.latest().sent.length;
    await confirm.getByTestId('wa-broadcast-confirm-ok').click();
    await form.waitFor({ state: 'detached' });
    const row = page.getByTestId('wa-broadcast-row').first();
    await expect.poll(() => row.getByTestId('wa-broadcast-status').getAttribute('data-status'), { timeout: 20_000 }).toBe('finished');
    expect(await row.getByTestId('wa-broadcast-status').textContent()).toBe('Selesai');
    expect(await row.getByTestId('wa-broadcast-total').textContent()).toBe(`Selesai: ${smallest.count} dari ${smallest.count} penerima terkirim`);
    // The ODP's name, never its id.
    expect(await row.textContent()).not.toMatch(/[0-9A-HJKMNP-TV-Z]{26}/);
    const sent = wweb.latest().sent.slice(before);
    expect(sent).toHaveLength(smallest.count);
    expect(new Set(sent.map((m) => m.chatId)).size).toBe(smallest.count);
    expect(sent.every((m) => !m.content.includes('{name}') && (m.content.match(/Halo/g) ?? []).length === 1)).toBe(true);
    // Each form's request carried its key: a retried request would have found its broadcast.
    expect(server.core.db.prepare('SELECT COUNT(*) FROM wa_broadcasts WHERE request_key IS NULL').pluck().get()).toBe(0);
    await app.shot('broadcast-finished');
  });

  it('pages the failures, names the customer of a maybe-sent message with the whole number, and resends the rest at once', async () => {
    const { page, server } = app;
    const { db, services } = server.core;
    const tenantId = services.tenants.primaryId() ?? '';
    const customer = db.prepare('SELECT id, name, phone FROM customers WHERE tenant_id = ? ORDER BY id LIMIT 1').get(tenantId) as { id: string; name: string; phone: string };
    const insert = db.prepare(`INSERT INTO wa_messages (id, tenant_id, idempotency_key, event, template_key, entity_type, entity_id, to_number, content, status,
        provider, attempts, error_code, error_message, created_at, updated_at)
      VALUES (?, ?, ?, 'broadcast', 'manual_broadcast', 'customer', ?, ?, 'Gangguan sudah pulih.', 'failed', 'wwebjs', 1, ?, ?, ?, ?)`);
    const now = Date.now();
    db.transaction(() => {
      // What a crash mid-send leaves: maybe sent, a person must look in that customer's chat.
      insert.run(`01KM${'0'.repeat(22)}`, tenantId, 'maybe', customer.id, customer.phone, 'MAYBE_SENT', 'interrupted while sending', now, now + 1);
      // And more plain failures than one page holds.
      for (let i = 0; i < 60; i++) {
        insert.run(`01KF${String(i).padStart(22, '0')}`, tenantId, `fail-${i}`, customer.id, `+62813${String(20_000_000 + i)}`, 'NOT_READY', 'net::ERR_NAME_NOT_RESOLVED', now, now);
      }
    })();

    await page.getByTestId('tab-failures').click();
    const table = page.getByTestId('wa-failures');
    await expect.poll(() => table.getAttribute('data-row-count')).toBe('50');
    const maybe = page.locator('[data-testid="wa-failure-row"][data-code="MAYBE_SENT"]');
    const cell = maybe.getByTestId('wa-failure-customer');
    expect(await cell.textContent()).toContain(customer.name);
    // The number in full, as the office phone's chat list shows it, and what to do with it.
    expect(await cell.textContent()).toContain(customer.phone.replace(/^\+62/, '0').slice(0, 4));
    expect(await cell.textContent()).not.toContain('*');
    expect(await cell.getByTestId('wa-check-chat').textContent()).toBe('Periksa chat ini');
    // The code and the provider's own words wait behind the disclosure.
    const reason = page.locator('[data-testid="wa-failure-row"][data-code="NOT_READY"]').first().getByTestId('wa-reason');
    expect(await reason.locator('summary').textContent()).toBe('Detail teknis');
    expect(await reason.getByText('net::ERR_NAME_NOT_RESOLVED').isVisible()).toBe(false);
    await app.shot('failures-customer');
    // A press while the list refreshes (messages still going out) is taken by that refresh: press again if so.
    const loadMore = page.getByTestId('load-more');
    await expect
      .poll(async () => {
        if (await loadMore.isVisible()) await loadMore.click();
        return table.getAttribute('data-row-count');
      })
      .toBe('61');

    await page.getByTestId('wa-retry-all').click();
    await page.getByTestId('confirm-dialog').waitFor();
    await app.shot('failures-retry-all');
    await page.getByTestId('confirm-ok').click();
    await expect.poll(() => page.getByTestId('toast').first().textContent()).toContain('60 pesan masuk antrean lagi. 1 pesan mungkin sudah terkirim');
    // Only the message a person must check stays.
    await expect.poll(() => table.getAttribute('data-row-count'), { timeout: 20_000 }).toBe('1');
    expect(await maybe.count()).toBe(1);
  });

  it('warns in red while RRNet suspends sending, and offers an upgrade when the plan has no WhatsApp', async () => {
    const { page, server } = app;
    const tenants = server.core.services.tenants;
    const tenantId = tenants.primaryId();
    if (!tenantId) throw new Error('the demo tenant is missing');

    server.core.services.wa.settings.setSuspended(tenantId, true);
    await page.getByTestId('nav-dashboard').click();
    await page.getByTestId('nav-whatsapp').click();
    await page.getByTestId('wa-suspended').waitFor();
    expect(await page.getByTestId('wa-suspended').textContent()).toContain('Pengiriman WhatsApp dihentikan sementara oleh RRNet');
    await page.getByTestId('tab-overview').click();
    await page.getByTestId('wa-metrics').waitFor();
    await app.shot('suspended');
    server.core.services.wa.settings.setSuspended(tenantId, false);

    const current = tenants.get(tenantId);
    tenants.applySubscription(tenantId, { plan: 'basic', addons: [], status: 'active' });
    await page.getByTestId('wa-upsell').waitFor();
    expect(await page.getByTestId('wa-upsell').textContent()).toContain('Premium');
    expect(await page.getByTestId('tab-overview').count()).toBe(0);
    await app.shot('upsell');

    tenants.applySubscription(tenantId, { plan: current.plan, addons: current.addons, status: 'active' });
    await page.getByTestId('tab-overview').waitFor();
    expect(await page.getByTestId('wa-suspended').count()).toBe(0);
  });

  it('speaks English on request', async () => {
    const { page } = app;
    await page.getByTestId('lang-en').click();
    await page.getByTestId('tab-log').click();
    await expect.poll(() => page.getByTestId('tab-failures').textContent()).toBe('Failed');
    await page.getByTestId('wa-log-row').first().waitFor();
    expect(await page.getByTestId('wa-log-table').textContent()).toContain('Delivered');
    await app.shot('english-log');
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('wa-settings-form').waitFor();
    await app.shot('english-settings');
    await page.getByTestId('lang-id').click();
  });

  it('explains the pacing per provider, never offers dry-run as the fallback, and says when held messages and broadcasts go', async () => {
    const { page, server } = app;
    const wa = server.core.services.wa;
    const tenantId = server.core.services.tenants.primaryId();
    if (!tenantId) throw new Error('the demo tenant is missing');

    await page.getByTestId('tab-settings').click();
    const form = page.getByTestId('wa-settings-form');
    await form.waitFor();
    expect(await form.getByTestId('wa-fallback').locator('option').allTextContents()).not.toContain('Mode uji coba');
    expect(await form.getByTestId('wa-gap-hint').textContent()).toContain('jeda acak 4–10 detik');
    expect(await form.getByTestId('wa-night-outage_started').isChecked()).toBe(true);
    await form.getByTestId('wa-gap-hint').scrollIntoViewIfNeeded();
    await app.shot('settings-pacing');

    // Quiet hours around the present moment on the ISP's clock: an automatic notice waits, and says until when.
    const wib = (offsetMinutes: number) =>
      new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Jakarta', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(Date.now() + offsetMinutes * 60_000));
    const end = wib(120);
    await wa.session.update(tenantId, { quietHours: { start: wib(-60), end } }, 'owner');
    wa.outbound.queue(tenantId, {
      event: 'invoice_paid',
      templateKey: 'test_message',
      to: '+6281355556666',
      variables: { isp_name: 'RT/RW Net Demo' },
      entityType: 'invoice',
      entityId: 'e2e-held',
    });
    await page.getByTestId('tab-log').click();
    const held = page.getByTestId('wa-log-row').filter({ hasText: '0813' }).filter({ has: page.getByTestId('wa-held') }).first();
    await held.waitFor();
    expect(await held.getByTestId('wa-held').textContent()).toBe(`Menunggu jam tenang, dikirim ${end} WIB`);
    await app.shot('log-held');

    // A broadcast goes at once unless it chooses to wait; this one chooses to.
    await page.getByTestId('tab-broadcast').click();
    await page.getByTestId('wa-broadcast-new').click();
    const broadcastForm = page.getByTestId('wa-broadcast-form');
    await broadcastForm.getByTestId('wa-broadcast-message').fill('Pembayaran bulan ini bisa lewat kolektor.');
    await broadcastForm.getByTestId('wa-broadcast-quiet').check();
    expect(await broadcastForm.textContent()).toContain('Tunggu jam tenang');
    await app.shot('broadcast-quiet-choice');
    await broadcastForm.getByTestId('wa-broadcast-submit').click();
    await page.getByTestId('wa-broadcast-confirm-ok').click();
    const row = page.getByTestId('wa-broadcast-row').first();
    await expect.poll(() => row.getByTestId('wa-held').textContent()).toBe(`Menunggu jam tenang, dikirim ${end} WIB`);
    await app.shot('broadcast-held');
    await row.getByTestId('wa-broadcast-cancel').click();
    await page.getByTestId('confirm-ok').click();
    await row.getByTestId('wa-count-cancelled').waitFor();

    // Quiet hours off: the held notice goes now.
    await wa.session.update(tenantId, { quietHours: null }, 'owner');
    await page.getByTestId('tab-log').click();
    await expect.poll(() => wweb.latest().sent.filter((m) => m.chatId === '6281355556666@c.us').length, { timeout: 15_000 }).toBe(1);

    // A refused token pauses the queue: one banner, with the way out.
    wa.settings.pause(tenantId, 'INVALID_TOKEN');
    server.core.bus.announce('wa_session_changed', tenantId, {});
    await page.getByTestId('wa-paused').waitFor();
    expect(await page.getByTestId('wa-paused').textContent()).toContain('Tidak ada pesan yang gagal');
    await app.shot('paused');
    await wa.session.update(tenantId, {}, 'owner');
    server.core.bus.announce('wa_session_changed', tenantId, {});
    await page.getByTestId('wa-paused').waitFor({ state: 'detached' });

    // Dry-run sends are trials, never "Terkirim".
    await wa.session.update(tenantId, { provider: 'dry-run' }, 'owner');
    wa.sendTest(tenantId, '+6281377778888');
    const trial = page.getByTestId('wa-log-row').filter({ hasText: '0813' }).filter({ has: page.locator('[data-status="simulated"]') }).first();
    await trial.waitFor();
    expect(await trial.getByTestId('wa-status').textContent()).toBe('Uji coba');
    await app.shot('log-trial');
    await wa.session.update(tenantId, { provider: 'wwebjs' }, 'owner');
  });

  // Last: it leaves WhatsApp Web unreachable, and the tests before it need it connected.
  it('says the office has no internet when WhatsApp Web cannot be reached, not that the browser path is wrong', async () => {
    const { page } = app;
    await page.getByTestId('tab-settings').click();
    await page.getByTestId('wa-pairing').waitFor();
    // The browser opens, but web.whatsapp.com's name cannot be looked up.
    wweb.failNextInitialize('net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/');
    await page.getByTestId('wa-logout').click();
    await expect.poll(() => page.getByTestId('wa-state').getAttribute('data-state')).toBe('error');
    expect(await page.getByTestId('wa-state').textContent()).toBe('Bermasalah');
    const detail = (await page.getByTestId('wa-state-detail').textContent()) ?? '';
    expect(detail).toContain('tidak tersambung ke internet');
    expect(detail).not.toMatch(/ERR_|browser/i);
    expect(await page.getByTestId('wa-pairing').textContent()).not.toContain('Periksa lokasi browser');
    expect(await page.getByTestId('wa-state-technical').locator('summary').textContent()).toBe('Detail teknis');
    await page.getByTestId('wa-pairing').scrollIntoViewIfNeeded();
    await app.shot('offline');
  });
});

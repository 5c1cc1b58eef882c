import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWwebjsProvider } from '../../main/wa/providers/wwebjs/index.js';
import { call, createTestCore, login, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';
import { createFakeWweb } from '../support/fake-wweb-client.js';
import { waSettings, whatsappOwner } from '../support/wa-harness.js';

const TENANT = '01JAZ3K8Q4W5E6R7T8Y9V0H1MP';

/** An executable file on the real disk: a shell script, whatever it is named. */
function program(dir: string, name: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, '#!/bin/sh\necho ran\n');
  chmodSync(file, 0o755);
  return file;
}

describe('WhatsApp settings that run programs or carry the Fonnte token', () => {
  let t: TestCore;
  let dir: string;
  let owner: OwnerSession;
  let admin: string;

  beforeEach(async () => {
    t = createTestCore();
    dir = mkdtempSync(path.join(tmpdir(), 'rrnet-browser-path-'));
    owner = await whatsappOwner(t.core);
    await ok(t.core, 'users.create', { username: 'kasir', displayName: 'Kasir', role: 'admin', password: 'rahasia-admin' }, owner.token);
    admin = await login(t.core, 'kasir', 'rahasia-admin');
  });
  afterEach(() => {
    t.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  const stored = () => t.core.services.wa.settings.resolved(owner.tenantId);

  describe('browser path', () => {
    it('refuses an admin who sets or changes it, with FORBIDDEN and an owner-only message in id and en', async () => {
      const chrome = program(dir, 'chrome');
      for (const locale of ['id', 'en'] as const) {
        const result = await call(t.core, 'wa.settings.update', { browserPath: chrome }, admin, locale);
        expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
        if (result.ok) return;
        expect(result.error.fields?.browserPath).toBe(locale === 'id' ? 'Hanya pemilik (owner) yang boleh mengubah ini.' : 'Only the owner can change this.');
      }
      expect(stored().browserPath).toBe('');

      await waSettings(t.core, owner, { browserPath: chrome });
      expect(await call(t.core, 'wa.settings.update', { browserPath: '' }, admin)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      expect(stored().browserPath).toBe(chrome);
    });

    it('lets an admin save the rest of the form when the browser path is sent unchanged', async () => {
      const chrome = program(dir, 'chrome');
      await waSettings(t.core, owner, { browserPath: chrome });
      const view = await ok(t.core, 'wa.settings.update', { browserPath: chrome, ratePerSecond: 3 }, admin);
      expect(view).toMatchObject({ browserPath: chrome, ratePerSecond: 3 });
    });

    it('refuses a script, a network share and a relative path from the owner too, saying what is accepted', async () => {
      const script = program(dir, 'update.sh');
      const refusals: [string, RegExp][] = [
        [script, /bukan program browser\. Yang diterima: chrome\.exe, msedge\.exe/],
        ['\\\\server\\share\\chrome.exe', /Alamat jaringan .* tidak diterima/],
        ['//server/share/chrome', /Alamat jaringan .* tidak diterima/],
        ['file:///usr/bin/chromium', /Alamat jaringan .* tidak diterima/],
        ['bin/chromium', /Tulis lokasi browser lengkap/],
        [path.join(dir, 'chromium'), /tidak ada/],
      ];
      for (const [browserPath, message] of refusals) {
        const result = await call(t.core, 'wa.settings.update', { browserPath }, owner.token);
        expect(result, browserPath).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { browserPath: expect.stringMatching(message) } } });
      }
      expect(stored().browserPath).toBe('');
    });

    it('stores an existing local browser program, and empty again (detect)', async () => {
      const edge = program(dir, 'microsoft-edge');
      expect((await waSettings(t.core, owner, { browserPath: edge })).browserPath).toBe(edge);
      expect((await waSettings(t.core, owner, { browserPath: '' })).browserPath).toBe('');
    });

    it('checks the path again at launch: a script stored or swapped in later is never started', async () => {
      const wweb = createFakeWweb();
      const launch = (browserPath: string) => {
        const provider = createWwebjsProvider({ tenantId: TENANT, dataDir: dir, browserPath, clientFactory: wweb.factory });
        return provider.start().then(() => provider.status());
      };
      const script = program(dir, 'evil.sh');
      expect(await launch(script)).toMatchObject({ state: 'error', problem: { code: 'BROWSER_PATH_INVALID', messageKey: 'waWwebjs.browserPathNotBrowser' } });

      // Saved while it was a program, then made unrunnable: refused at launch, not run.
      const chrome = program(dir, 'chrome');
      chmodSync(chrome, 0o644);
      expect(await launch(chrome)).toMatchObject({ state: 'error', problem: { messageKey: 'waWwebjs.browserPathNotExecutable' } });
      expect(wweb.clients).toHaveLength(0);
    });
  });

  describe('Fonnte base URL', () => {
    beforeEach(async () => {
      await waSettings(t.core, owner, { provider: 'fonnte', fonnteToken: 'rahasia-token', fonnteBaseUrl: 'https://api.fonnte.com' });
    });

    it('refuses an admin who changes it; the stored token stays where it was', async () => {
      const result = await call(t.core, 'wa.settings.update', { fonnteBaseUrl: 'https://collector.example.com' }, admin);
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', fields: { fonnteBaseUrl: 'Hanya pemilik (owner) yang boleh mengubah ini.' } } });
      expect(stored()).toMatchObject({ fonnteBaseUrl: 'https://api.fonnte.com', fonnteToken: 'rahasia-token' });
      // The whole form sent back unchanged still saves.
      expect(await ok(t.core, 'wa.settings.update', { fonnteBaseUrl: 'https://api.fonnte.com', ratePerSecond: 2 }, admin)).toMatchObject({ hasFonnteToken: true });
    });

    it('clears the stored token when the owner changes only the address', async () => {
      const view = await waSettings(t.core, owner, { fonnteBaseUrl: 'https://relay.example.id' });
      expect(view).toMatchObject({ fonnteBaseUrl: 'https://relay.example.id', hasFonnteToken: false });
      expect(stored().fonnteToken).toBeNull();
    });

    it('keeps a token given together with the new address', async () => {
      const view = await waSettings(t.core, owner, { fonnteBaseUrl: 'http://127.0.0.1:8080', fonnteToken: 'token-baru' });
      expect(view).toMatchObject({ fonnteBaseUrl: 'http://127.0.0.1:8080', hasFonnteToken: true });
      expect(stored().fonnteToken).toBe('token-baru');
    });

    it('refuses plain http off this machine and link-local or metadata addresses, with the reason', async () => {
      const refusals: [string, RegExp][] = [
        ['http://collector.example.com', /harus diawali https:\/\//],
        ['https://169.254.169.254/latest', /169\.254\.x\.x/],
        ['http://[fe80::1]:8080', /169\.254\.x\.x/],
        ['https://metadata.google.internal', /metadata/],
      ];
      for (const [fonnteBaseUrl, message] of refusals) {
        const result = await call(t.core, 'wa.settings.update', { fonnteBaseUrl }, owner.token);
        expect(result, fonnteBaseUrl).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', fields: { fonnteBaseUrl: expect.stringMatching(message) } } });
      }
      expect(stored()).toMatchObject({ fonnteBaseUrl: 'https://api.fonnte.com', fonnteToken: 'rahasia-token' });
    });
  });
});

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findLandingTemplate, renderLandingPage } from '../../main/network/landing/landing-page.js';

describe('the isolir page template', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is found from the bundled core as packed (out/electron/core-host.js beside resources/ in the app folder)', () => {
    const app = mkdtempSync(join(tmpdir(), 'rrnet-app-'));
    dirs.push(app);
    mkdirSync(join(app, 'resources', 'isolir-landing'), { recursive: true });
    mkdirSync(join(app, 'out', 'electron'), { recursive: true });
    writeFileSync(join(app, 'resources', 'isolir-landing', 'index.html'), '<p>{{ispName}}</p>');
    expect(findLandingTemplate(join(app, 'out', 'electron', 'core-host.js'))).toBe('<p>{{ispName}}</p>');
  });

  it('is the repository\'s own when run from source, and stands alone (no script, no outside file)', () => {
    const page = renderLandingPage(findLandingTemplate(), { ispName: 'Net Desa', contactPhone: '+6281234567890', paymentNote: 'Bayar di kantor' });
    expect(page).toContain('<html lang="id">');
    expect(page).toContain('name="viewport"');
    expect(page).toContain('0812-3456-7890');
    expect(page).not.toMatch(/<script|<link|src=|url\(|@import|\{\{/);
  });

  it('leaves out a part whose setting is empty', () => {
    const template = 'a<!--if:paymentNote-->\n[{{paymentNote}}]<!--end:paymentNote-->\nb';
    expect(renderLandingPage(template, { ispName: '', contactPhone: '', paymentNote: '' })).toBe('ab');
    expect(renderLandingPage(template, { ispName: '', contactPhone: '', paymentNote: 'x<y' })).toBe('a[x&lt;y]b');
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatPhoneLocal } from '../../../shared/util/phone.js';

const TEMPLATE = join('resources', 'isolir-landing', 'index.html');

/**
 * The page's template, found by walking up from this file to the folder that holds `resources/`:
 * the repository when run from source (tests, web mode), the app's own folder (app.asar) when
 * bundled, where electron-builder packs `resources/**` beside the code.
 */
export function findLandingTemplate(from: string = fileURLToPath(import.meta.url)): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const candidate = join(dir, TEMPLATE);
    if (existsSync(candidate)) return readFileSync(candidate, 'utf8');
    if (dirname(dir) === dir) throw new Error(`${TEMPLATE} not found above ${from}`);
  }
}

export interface LandingContent {
  ispName: string;
  /** E.164, or '' when the ISP left it empty. */
  contactPhone: string;
  paymentNote: string;
}

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

/**
 * The page with the ISP's words in it. Every value is HTML-escaped (the ISP types the note; the
 * page goes to every isolated customer); a section whose setting is empty is left out.
 */
export function renderLandingPage(template: string, content: LandingContent): string {
  const values: Record<string, string> = {
    ispName: content.ispName,
    paymentNote: content.paymentNote,
    contactPhone: content.contactPhone,
    contactPhoneLocal: content.contactPhone === '' ? '' : formatPhoneLocal(content.contactPhone),
    contactPhoneDigits: content.contactPhone.replace(/\D/g, ''),
  };
  return template
    .replace(/<!--if:(\w+)-->\n?([\s\S]*?)<!--end:\1-->\n?/g, (_all, name: string, body: string) => ((values[name] ?? '') === '' ? '' : body))
    .replace(/\{\{(\w+)\}\}/g, (_all, name: string) => escapeHtml(values[name] ?? ''));
}

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * Waits until no list is refreshing and every table has faded back in: a refreshing list is dimmed
 * on purpose (opacity 0.6, easing back over 0.15 s), and axe reads a row caught mid-fade as low
 * contrast, which a loaded machine makes likely. Call before `seriousViolations` on a screen with lists.
 */
export async function listsSettled(page: Page): Promise<void> {
  // Polled with evaluate: waitForFunction evaluates its string with eval, which the app's CSP refuses.
  const deadline = Date.now() + 10_000;
  while (!(await page.evaluate<boolean>(SETTLED))) {
    if (Date.now() > deadline) throw new Error('a list is still refreshing or fading in after 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** A string: this runs in the page, and the tests' TypeScript has no DOM types. */
const SETTLED = `document.querySelectorAll('[aria-busy="true"]').length === 0 && Array.from(document.querySelectorAll('.table-wrap')).every((e) => getComputedStyle(e).opacity === '1')`;

/** axe-core's WCAG 2.1 A and AA rules on the page as it is now; returns the serious and critical findings. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not a <script> tag: the app's CSP (default-src 'self') rightly refuses inline scripts.
  if (!(await page.evaluate<boolean>(`typeof window.axe !== 'undefined'`))) await page.evaluate(axeSource);
  return page.evaluate<AxeViolation[]>(`(async () => {
    const result = await window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  })()`);
}

/** WCAG contrast of two colours given as rgb()/rgba() strings; a translucent foreground is laid over the background. */
export function contrastRatio(foreground: string, background: string): number {
  const parse = (css: string) => (css.match(/[\d.]+/g) ?? []).map(Number);
  const [br = 255, bg = 255, bb = 255] = parse(background);
  const [fr = 0, fg = 0, fb = 0, alpha = 1] = parse(foreground);
  const blend = (f: number, b: number) => f * alpha + b * (1 - alpha);
  const luminance = (r: number, g: number, b: number) => {
    const channel = (c: number) => {
      const s = c / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
  };
  const a = luminance(blend(fr, br), blend(fg, bg), blend(fb, bb));
  const b = luminance(br, bg, bb);
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

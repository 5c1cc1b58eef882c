import type { PaperSize } from '../../../shared/domain/billing-document.js';

/** CSS pixels are 1/96 inch on paper. */
const MM_PER_PX = 25.4 / 96;
const ROLLS: readonly PaperSize[] = ['58mm', '80mm'];

/**
 * A thermal roll's page as long as what is printed on it. The core's print HTML falls back to a
 * 297 mm page, and many 58/80 mm drivers feed the whole page: a 120 mm receipt wasted 177 mm of
 * roll. Here, in the renderer (the page itself runs no script: the console's CSP), the rendered
 * receipt is measured and a later `@page` rule, which wins over the core's, sets that length.
 * Several receipts (bulk print) each start a page: the longest one sets the length, so none is cut.
 * Inserted through the CSS object model, which no CSP restricts; A4 keeps its own page.
 */
export function fitRollLength(doc: Document): void {
  const size = doc.body.dataset.size as PaperSize | undefined;
  const sheet = doc.styleSheets[0];
  if (!size || !ROLLS.includes(size) || !sheet) return;
  const style = doc.defaultView?.getComputedStyle(doc.body);
  const padding = style ? parseFloat(style.paddingTop) + parseFloat(style.paddingBottom) : 0;
  const tallest = Math.max(0, ...[...doc.querySelectorAll('article')].map((a) => a.getBoundingClientRect().height));
  const length = Math.ceil((tallest + padding) * MM_PER_PX);
  // Measured again before printing: the rule of an earlier measure is replaced, not stacked.
  if (doc.body.dataset.rollLength) sheet.deleteRule(sheet.cssRules.length - 1);
  sheet.insertRule(`@page { size: ${size} ${length}mm; margin: 0 }`, sheet.cssRules.length);
  doc.body.dataset.rollLength = String(length);
}

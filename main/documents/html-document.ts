import type { BillingDocument, PaperSize } from '../../shared/domain/billing-document.js';
import type { Locale } from '../../shared/domain/user.js';
import { documentView, type Row } from './document-view.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/**
 * Thermal rolls have no page height. 297 mm is only the fallback (a page opened outside the
 * console): the print preview measures the rendered receipt and sets the page to its length
 * (renderer/src/components/roll-length.ts), since many drivers feed the whole page. The width is the
 * roll's; the printable width (48 / 72 mm) is what the padding leaves.
 */
const PAGE_CSS: Record<PaperSize, string> = {
  '58mm': '@page { size: 58mm 297mm; margin: 0 } body { width: 58mm; padding: 2mm 5mm; font-size: 9pt }',
  '80mm': '@page { size: 80mm 297mm; margin: 0 } body { width: 80mm; padding: 2mm 4mm; font-size: 10pt }',
  a4: '@page { size: A4; margin: 15mm } body { width: 180mm; padding: 0; font-size: 10.5pt; font-family: "Segoe UI", Arial, sans-serif } @media screen { body { margin: 15mm } }',
};

/** Shared by all sizes: monospace for thermal heads, long names and addresses wrap anywhere rather than overflow. */
const BASE_CSS = `
* { box-sizing: border-box }
html, body { margin: 0; background: #fff; color: #000 }
body { font-family: "Courier New", Consolas, "DejaVu Sans Mono", monospace; line-height: 1.3; overflow-wrap: anywhere; word-break: break-word }
header { text-align: center }
header img { display: block; margin: 0 auto 1mm; max-width: 60%; max-height: 18mm; object-fit: contain }
h1 { font-size: 1.25em; margin: 0 } h2 { font-size: 1.1em; margin: 2mm 0 1mm; letter-spacing: .1em }
p { margin: 0 }
.row { display: flex; flex-wrap: wrap; justify-content: space-between; column-gap: 2mm; padding: .3mm 0 }
.row .v { flex: 1 1 auto; text-align: right; margin-left: auto }
.lines .v, .totals .v { white-space: nowrap }
.row.strong { font-weight: 700 }
hr { border: 0; border-top: 1px dashed #000; margin: 1.5mm 0 }
.stamp { text-align: center; font-weight: 700; font-size: 1.3em; border: 2px solid #000; margin: 2mm auto; padding: 1mm; width: 60% }
.section { font-weight: 700; margin-top: 1mm }
footer { text-align: center; margin-top: 2mm; white-space: pre-line }
body.a4 header { display: flex; gap: 6mm; align-items: center; text-align: left; border-bottom: 2px solid #000; padding-bottom: 3mm }
body.a4 header img { margin: 0; max-width: 30mm; max-height: 25mm }
body.a4 h2 { font-size: 1.6em; text-align: right; margin: 4mm 0 2mm }
body.a4 .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 8mm }
body.a4 .lines .row { border-bottom: 1px solid #ccc; padding: 1.5mm 0 } body.a4 .lines .row:first-child { font-weight: 700; border-bottom: 2px solid #000 }
body.a4 .totals { width: 50%; margin-left: auto } body.a4 hr { border-top-style: solid }
`;

/**
 * A label and its value on one line when both fit; otherwise the value goes below, right-aligned
 * (flex-wrap), so a narrow roll never squeezes a label into one letter a line. Amounts never break.
 */
function rows(list: Row[], className = 'rows'): string {
  const body = list.map((row) => `<div class="row${row.strong ? ' strong' : ''}"><span>${escape(row.label)}</span><span class="v">${escape(row.value)}</span></div>`).join('');
  return `<div class="${className}">${body}</div>`;
}

function block(title: string | null, body: string): string {
  return body === '' ? '' : `<hr>${title ? `<p class="section">${escape(title)}</p>` : ''}${body}`;
}

/** One document's markup: an <article>, so several can share one page file (bulk printing). */
function article(doc: BillingDocument, size: PaperSize, lang: Locale): { title: string; html: string } {
  const view = documentView(doc, lang);
  const logo = view.isp.logo ? `<img src="data:${view.isp.logo.type};base64,${view.isp.logo.base64}" alt="">` : '';
  const isp = `<div><h1>${escape(view.isp.name)}</h1>${view.isp.lines.map((line) => `<p>${escape(line)}</p>`).join('')}</div>`;
  const customer = rows(view.customer);
  const meta = rows(view.meta);
  const parties = size === 'a4' ? `<div class="columns">${customer}${meta}</div>` : `${meta}<hr>${customer}`;
  const html = `<article>
<header>${logo}${isp}</header>
<h2>${escape(view.title)}</h2>
${parties}
<hr>${rows([view.lineHeader, ...view.lines], 'rows lines')}
<hr>${rows(view.totals, 'rows totals')}
${view.stamp ? `<p class="stamp">${escape(view.stamp)}</p>` : ''}
${block(view.labels.payment, view.payment.length > 0 ? rows(view.payment) : '')}
${block(view.labels.payTo, view.payTo.map((line) => `<p>${escape(line)}</p>`).join(''))}
${view.footer.length > 0 ? `<hr><footer>${view.footer.map(escape).join('\n')}</footer>` : ''}
</article>`;
  return { title: `${view.title} ${doc.number}`, html };
}

/**
 * Each document after the first starts a new page (a new sheet of A4, a cut on a thermal roll); on
 * screen (the preview) a dashed rule shows where.
 */
const MANY_CSS = 'article + article { break-before: page } @media screen { article + article { border-top: 2px dashed #888; margin-top: 8mm; padding-top: 4mm } }';

/**
 * BillingDocuments as one page file the renderer (or Electron) prints with window.print(): one
 * self-contained HTML file (styles inline, logos as data URLs), sized by `@page` for the paper,
 * one document per page.
 */
export function renderDocumentsHtml(docs: readonly BillingDocument[], size: PaperSize, lang: Locale): string {
  const articles = docs.map((doc) => article(doc, size, lang));
  const first = articles[0]?.title ?? '';
  const title = articles.length > 1 ? `${first} (+${articles.length - 1})` : first;
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(title)}</title>
<style>${BASE_CSS}${PAGE_CSS[size]}${MANY_CSS}</style></head>
<body class="${size === 'a4' ? 'a4' : 'thermal'}" data-size="${size}">
${articles.map((a) => a.html).join('\n')}
</body></html>
`;
}

/** A BillingDocument as a page to print (see renderDocumentsHtml). */
export function renderDocumentHtml(doc: BillingDocument, size: PaperSize, lang: Locale): string {
  return renderDocumentsHtml([doc], size, lang);
}

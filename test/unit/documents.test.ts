import { PDFParse } from 'pdf-parse';
import { describe, expect, it } from 'vitest';
import { renderDocumentHtml, renderDocumentPdf, renderDocumentsHtml, renderDocumentsPdf } from '../../main/documents/index.js';
import { pdfSafe } from '../../main/documents/pdf-text.js';
import { PAPER_SIZES, type BillingDocument, type PaperSize } from '../../shared/domain/billing-document.js';
import { ISP, invoice, receipt } from '../support/billing-document.js';

/** The PDF's text as a reader (or a copy-paste) gets it, spaces of every kind as one. */
async function pdfText(pdf: Buffer): Promise<{ text: string; pages: number }> {
  const parsed = await new PDFParse({ data: new Uint8Array(pdf) }).getText();
  return { text: parsed.text.replace(/\s+/g, ' '), pages: parsed.total };
}

const htmlText = (html: string) => html.replace(/\s+/g, ' ');

describe('printable documents: every paper, both kinds', () => {
  const cases: [PaperSize, BillingDocument][] = PAPER_SIZES.flatMap((size) => [
    [size, invoice()],
    [size, receipt()],
  ]);

  it.each(cases)('%s %s: the PDF holds the number, the customer, the ISP and the amounts in rupiah', async (size, doc) => {
    const { text, pages } = await pdfText(await renderDocumentPdf(doc, size, 'id'));
    expect(pages).toBe(1);
    for (const expected of [doc.number, "Siti Nur'aini", 'Sukamaju Net', 'Jl. Melati No. 5', 'Rp 150.000', '-Rp 15.000', 'Rp 149.850', 'PPN 11% Rp 14.850', 'Terima kasih telah berlangganan.']) {
      expect(text).toContain(expected);
    }
    if (doc.kind === 'invoice') {
      expect(text).toContain('TAGIHAN');
      expect(text).toContain('Jatuh tempo 10/01/2026');
      expect(text).toContain('BCA 1234567890 a.n. Budi Santoso');
      expect(text).not.toContain('LUNAS');
    } else {
      expect(text).toContain('KUITANSI');
      expect(text).toContain('LUNAS');
      expect(text).toContain('Transfer BCA');
      expect(text).toContain('TRX-889201');
      // Settled: no bank account to pay to, and the 150 rupiah paid beyond the total shows as credit.
      expect(text).not.toContain('1234567890');
      expect(text).toMatch(/Saldo lebih .*Rp 150 /);
    }
  });

  it.each(cases)('%s %s: the print HTML is sized for its paper and says the same', (size, doc) => {
    const html = htmlText(renderDocumentHtml(doc, size, 'id'));
    const page = { '58mm': '@page { size: 58mm 297mm', '80mm': '@page { size: 80mm 297mm', a4: '@page { size: A4' }[size];
    expect(html).toContain(page);
    expect(html).toContain('<img src="data:image/png;base64,');
    for (const expected of [doc.number, 'Siti Nur&#39;aini', 'Sukamaju Net', 'Rp 149.850', 'Telp/WA 0812-3456-7890', 'No. HP</span><span class="v">0813-9876-5432']) {
      expect(html).toContain(expected);
    }
  });
});

describe('what a document prints', () => {
  it('prints no PPN line at 0% (an ISP not registered for VAT)', async () => {
    const noTax = invoice({ ppn: { rate: 0, amount: 0 }, total: 135_000, balanceDue: 135_000 });
    expect(renderDocumentHtml(noTax, '80mm', 'id')).not.toContain('PPN');
    const { text } = await pdfText(await renderDocumentPdf(noTax, '58mm', 'id'));
    expect(text).not.toContain('PPN');
    expect(text).toContain('Total Rp 135.000');
  });

  it('dates are the day in the tenant zone: 31/12 15:30 UTC is 31/12 in WIB and 01/01 in WIT', () => {
    const at = '2025-12-31T15:30:00.000Z';
    expect(renderDocumentHtml(invoice({ issuedAt: at, timezone: 'Asia/Jakarta' }), 'a4', 'id')).toContain('Tanggal</span><span class="v">31/12/2025');
    expect(renderDocumentHtml(invoice({ issuedAt: at, timezone: 'Asia/Jayapura' }), 'a4', 'id')).toContain('Tanggal</span><span class="v">01/01/2026');
    const paid = receipt({ timezone: 'Asia/Makassar' });
    expect(renderDocumentHtml(paid, '58mm', 'id')).toContain('08/01/2026 11.15 WITA');
  });

  it('speaks English to an English reader', async () => {
    const { text } = await pdfText(await renderDocumentPdf(receipt(), '80mm', 'en'));
    for (const expected of ['RECEIPT', 'Customer', 'Balance due', 'PAID', 'Received 08/01/2026 10:15 WIB', 'VAT (PPN) 11%']) {
      if (expected === 'Balance due') expect(text).not.toContain(expected);
      else expect(text).toContain(expected);
    }
    expect(renderDocumentHtml(invoice(), 'a4', 'en')).toContain('Due date');
  });

  it('a settled invoice with no logo, address or payment link prints without those blocks', async () => {
    const bare = invoice({ isp: { ...ISP, logo: null, address: '', bankAccounts: [], footer: '' }, paymentUrl: null });
    const html = renderDocumentHtml(bare, '58mm', 'id');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<footer>');
    const { text } = await pdfText(await renderDocumentPdf(bare, '58mm', 'id'));
    expect(text).not.toContain('Bayar ke');
  });
});

describe('names and text that could break a layout or the PDF', () => {
  const long = 'Rahmawati Kusumaningrum Sri Wahyuningsih Dewi Lestari Purnamasari '.repeat(3).trim();
  const odd = invoice({
    customer: {
      name: `"Siti Nur'aini" O'Brien 😀👨‍👩‍👧 Đặng Thị Hương ${long}`,
      code: 'PLG-0042',
      address: `Jl. ${'Panjang'.repeat(40)} <script>alert(1)</script> & Gg. "Buntu"`,
      phone: '+6281398765432',
    },
    lines: [{ description: `Paket ${'SangatPanjangTanpaSpasi'.repeat(8)} 中文`, amount: 150_000 }, { description: 'Diskon', amount: -15_000 }],
  });

  it.each(PAPER_SIZES)('%s: the PDF renders, one page on thermal, with what the font lacks replaced', async (size) => {
    const { text, pages } = await pdfText(await renderDocumentPdf(odd, size, 'id'));
    expect(pages).toBe(1);
    // 😀 and the three people of the family emoji (its joiners vanish) are one ? each.
    expect(text).toContain('"Siti Nur\'aini" O\'Brien ???? Dang Thi Huong');
    expect(text).toContain('Rahmawati');
    expect(text).toContain('Rp 149.850');
    expect(text).toContain('??');
  });

  it.each(PAPER_SIZES)('%s: the HTML escapes markup, keeps the real characters and wraps long words', (size) => {
    const html = renderDocumentHtml(odd, size, 'id');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; Gg. &quot;Buntu&quot;');
    expect(html).toContain('😀👨‍👩‍👧 Đặng Thị Hương');
    expect(html).toContain('overflow-wrap: anywhere');
  });

  it('a long invoice on A4 continues on a second page', async () => {
    const many = invoice({ lines: Array.from({ length: 90 }, (_, i) => ({ description: `Tambahan ${i + 1}`, amount: 1_000 })) });
    const { text, pages } = await pdfText(await renderDocumentPdf(many, 'a4', 'id'));
    expect(pages).toBeGreaterThan(1);
    expect(text).toContain('Tambahan 90');
    expect(text).toContain('Total Rp 149.850');
  });

  it('several documents in one file (bulk printing): each starts a page; on a roll each page is as long as its own document', async () => {
    const long = invoice({ number: 'INV/202601/A-00099', lines: Array.from({ length: 90 }, (_, i) => ({ description: `Tambahan ${i + 1}`, amount: 1_000 })) });
    const roll = await renderDocumentsPdf([receipt(), long], '80mm', 'id');
    const heights = [...roll.toString('latin1').matchAll(/MediaBox \[0 0 [\d.]+ ([\d.]+)\]/g)].map((m) => Number(m[1]));
    expect(heights).toHaveLength(2);
    expect(heights[1]).toBeGreaterThan((heights[0] ?? 0) * 2);

    // On A4 the long one still continues on a page of its own, and the next starts a fresh sheet.
    const a4 = await pdfText(await renderDocumentsPdf([long, receipt()], 'a4', 'id'));
    expect(a4.pages).toBeGreaterThanOrEqual(3);
    expect(a4.text).toContain('INV/202601/A-00099');
    expect(a4.text).toContain('KW/202601/0007');

    const html = renderDocumentsHtml([invoice(), receipt()], '58mm', 'en');
    expect(html.match(/<article>/g)).toHaveLength(2);
    expect(html.match(/<html/g)).toHaveLength(1);
    expect(html).toContain('article + article { break-before: page }');
    expect(html).toContain('<title>INVOICE INV/202601/0042 (+1)</title>');
  });

  it('a logo pdfkit cannot read (a JPEG cut after its header) is left out, the receipt still prints', async () => {
    const cut = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]).toString('base64');
    const doc = receipt({ isp: { ...ISP, logo: { type: 'image/jpeg', base64: cut } } });
    const { text } = await pdfText(await renderDocumentPdf(doc, '58mm', 'id'));
    expect(text).toContain('KW/202601/0007');
  });

  it('pdfSafe keeps Latin-1 and cp1252, strips accents, and puts ? for what the font cannot draw', () => {
    expect(pdfSafe('O’Brien — “Nur’aini” é ñ € Rp\u00a0150.000')).toBe('O’Brien — “Nur’aini” é ñ € Rp\u00a0150.000');
    expect(pdfSafe('Đặng ē ő Łukasz')).toBe('Dang e o Lukasz');
    expect(pdfSafe('Budi 😀 中文 👍🏽')).toBe('Budi ? ?? ??');
    expect(pdfSafe('a\u200db\ufe0fc')).toBe('abc');
  });
});

import { describe, expect, it } from 'vitest';
import { maskContent, maskPhone } from '../../main/wa/masking.js';

describe('maskPhone', () => {
  it('keeps the operator prefix and the last four digits of an Indonesian mobile number', () => {
    expect(maskPhone('+6281234567890')).toBe('+62812****7890');
    expect(maskPhone('+628123456789')).toBe('+62812***6789');
    expect(maskPhone('+62274123456')).toBe('+62274**3456');
  });

  it('hides every middle digit and keeps the length, for every realistic length', () => {
    for (let digits = 9; digits <= 13; digits++) {
      const e164 = `+62${'8123456789012'.slice(0, digits)}`;
      const masked = maskPhone(e164);
      expect(masked).toHaveLength(e164.length);
      expect(masked.slice(0, 6)).toBe(e164.slice(0, 6));
      expect(masked.slice(-4)).toBe(e164.slice(-4));
      expect(masked.slice(6, -4)).toMatch(/^\*+$/);
    }
  });

  it('shows no more than the last two digits of something too short to be a number', () => {
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('+1234')).toBe('+**34');
  });
});

describe('maskContent', () => {
  it('hides long digit runs (phones, account numbers) but their last three digits', () => {
    expect(maskContent('Hubungi +6281234567890 atau 081234567890.')).toBe('Hubungi +**********890 atau *********890.');
    expect(maskContent('Transfer ke BCA 1234567 a.n. Budi')).toBe('Transfer ke BCA ****567 a.n. Budi');
  });

  it('keeps what staff need to recognise a message: names, amounts, dates, invoice codes', () => {
    const text = 'Halo Budi Santoso, tagihan Rp150.000 (ID: INV-202603-0042) jatuh tempo 10/03/2026. Kode 123456.';
    expect(maskContent(text)).toBe(text);
  });

  it('cuts long messages to the preview length with an ellipsis, and masks what remains', () => {
    const long = `Pelanggan 081234567890 ${'x'.repeat(300)}`;
    const preview = maskContent(long);
    expect(preview).toHaveLength(160);
    expect(preview.endsWith('…')).toBe(true);
    expect(preview.startsWith('Pelanggan *********890 ')).toBe(true);
    expect(maskContent('a'.repeat(160))).toBe('a'.repeat(160));
    expect(maskContent('a'.repeat(50), 20)).toBe(`${'a'.repeat(19)}…`);
  });
});

describe('maskContent with numbers written the way people write them', () => {
  it('hides mobile numbers written with dashes or spaces, keeping the separators and last three digits', () => {
    expect(maskContent('Hubungi 0812-3456-7890 atau +62 812 3456 7890.')).toBe('Hubungi ****-****-*890 atau +** *** **** *890.');
  });

  it('leaves invoice codes, dates and amounts alone', () => {
    const text = 'Tagihan INV-202603-0042 Rp 1.500.000 jatuh tempo 10-03-2026.';
    expect(maskContent(text)).toBe(text);
  });
});

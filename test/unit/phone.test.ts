import { describe, expect, it } from 'vitest';
import { formatPhoneLocal, isIndonesianMobile, normalizePhone } from '../../shared/util/phone.js';

describe('normalizePhone', () => {
  it.each([
    ['081234567890', '+6281234567890'],
    ['0812-3456-7890', '+6281234567890'],
    ['0812 3456 7890', '+6281234567890'],
    ['(0812) 3456.7890', '+6281234567890'],
    ['  081234567890  ', '+6281234567890'],
    ['+6281234567890', '+6281234567890'],
    ['+62 812-3456-7890', '+6281234567890'],
    ['6281234567890', '+6281234567890'],
    ['62 812 3456 7890', '+6281234567890'],
    ['0857 1234 5678', '+6285712345678'],
    ['021-5551234', '+62215551234'],
  ])('%s -> %s', (input, e164) => {
    expect(normalizePhone(input)).toBe(e164);
  });

  it('gives the same E.164 for the 08, +62 and 62 forms of one number', () => {
    const forms = ['0896-1122-3344', '+62 896 1122 3344', '62896-1122-3344'].map(normalizePhone);
    expect(new Set(forms)).toEqual(new Set(['+6289611223344']));
  });

  it.each([
    [''],
    ['   '],
    ['abc'],
    ['0812abcd5678'],
    ['081234'],
    ['08123456789012345'],
    ['+62812345678901234567890'],
    ['0812-3456-7890 ext 5'],
    ['0812/3456/7890'],
    ['+'],
    ['62'],
    ['x'.repeat(40)],
    ['1'.repeat(1000)],
  ])('refuses %j', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('normalizePhone: numbers as people paste them', () => {
  it.each([
    ['from a phone contact card, with direction marks and no-break spaces', '\u202A+62\u00A0812\u20113456\u20117890\u202C'],
    ['with a narrow no-break space and an en dash', '0812\u202F3456\u20137890'],
    ['with a zero-width space', '0812\u200B3456\u200B7890'],
    ['with the trunk zero after the country code', '+62 (0)812-3456-7890'],
    ['with 0 after +62', '+62 0812 3456 7890'],
    ['without the leading zero', '812-3456-7890'],
    ['as a wa.me link', 'https://wa.me/6281234567890'],
    ['as a short wa.me link', 'wa.me/6281234567890'],
    ['as a WhatsApp send link', 'https://api.whatsapp.com/send?phone=6281234567890'],
    ['as a tel: link', 'tel:+6281234567890'],
  ])('reads a number %s', (_label, input) => {
    expect(normalizePhone(input)).toBe('+6281234567890');
  });
});

describe('isIndonesianMobile', () => {
  it.each([['+6281234567890'], ['+6285712345678'], ['+628123456789']])('%s is a mobile', (e164) => {
    expect(isIndonesianMobile(e164)).toBe(true);
  });

  it.each([
    ['a Jakarta landline', '+62215551234'],
    ['a Purwokerto landline', '+62281637123'],
    ['a US number', '+12025550143'],
    ['a Malaysian mobile', '+60123456789'],
  ])('%s is not', (_label, e164) => {
    expect(isIndonesianMobile(e164)).toBe(false);
  });

  it('never reads a US number typed without +1 as an Indonesian mobile', () => {
    const e164 = normalizePhone('(202) 555-0143');
    expect(e164 === null || !isIndonesianMobile(e164)).toBe(true);
  });
});

describe('formatPhoneLocal', () => {
  it('writes an Indonesian number the way Indonesians do', () => {
    expect(formatPhoneLocal('+6281234567890')).toBe('0812-3456-7890');
  });

  it('leaves a landline ungrouped: area codes differ in length', () => {
    expect(formatPhoneLocal('+62281637123')).toBe('0281637123');
    expect(formatPhoneLocal('+62215551234')).toBe('0215551234');
  });

  it('leaves a foreign number in E.164', () => {
    expect(formatPhoneLocal('+12025550143')).toBe('+12025550143');
  });
});

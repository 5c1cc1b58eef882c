import { describe, expect, it } from 'vitest';
import { formatPhoneLocal, normalizePhone } from '../../shared/util/phone.js';

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

describe('formatPhoneLocal', () => {
  it('writes an Indonesian number the way Indonesians do', () => {
    expect(formatPhoneLocal('+6281234567890')).toBe('0812-3456-7890');
  });

  it('leaves a foreign number in E.164', () => {
    expect(formatPhoneLocal('+12025550143')).toBe('+12025550143');
  });
});

import { describe, expect, it } from 'vitest';
import { customerCreateSchema, customerListSchema, customerUpdateSchema, waRecipientSchema } from '../../shared/domain/customer.js';
import { blankCustomer, customerFormSchema } from '../../renderer/src/screens/customers/customer-form-values.js';

const PACKAGE = '01JH0000000000000000000001';
const valid = { name: 'Budi Santoso', phone: '0812-3456-7890', packageId: PACKAGE, username: 'budi.santoso', billingDay: 10 };

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('customerCreateSchema', () => {
  it('fills the optional fields and stores the phone in E.164', () => {
    expect(customerCreateSchema.parse(valid)).toEqual({
      ...valid,
      phone: '+6281234567890',
      whatsapp: true,
      address: '',
      area: '',
      latitude: null,
      longitude: null,
      routerId: null,
      serviceType: 'pppoe',
      notes: '',
      pppoePassword: '',
    });
  });

  it('takes a PPPoE password without spaces, up to 64 characters', () => {
    expect(customerCreateSchema.safeParse({ ...valid, pppoePassword: 'rahasia-123' }).success).toBe(true);
    expect(customerCreateSchema.safeParse({ ...valid, pppoePassword: 'dua kata' }).success).toBe(false);
    expect(customerCreateSchema.safeParse({ ...valid, pppoePassword: 'x'.repeat(65) }).success).toBe(false);
  });

  it.each([[1], [15], [28]])('accepts billing day %d', (billingDay) => {
    expect(customerCreateSchema.safeParse({ ...valid, billingDay }).success).toBe(true);
  });

  it.each([[0], [29], [31], [-1], [10.5]])('refuses billing day %d', (billingDay) => {
    const result = customerCreateSchema.safeParse({ ...valid, billingDay });
    expect(result.success).toBe(false);
    expect(Object.keys(issuesOf(result))).toEqual(['billingDay']);
  });

  it('says what is wrong with the phone in its own words', () => {
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, phone: '12345' }))).toEqual({ phone: 'validation.phone' });
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, phone: '0'.repeat(33) }))).toEqual({ phone: 'validation.phone' });
  });

  it('trims the name and refuses a blank one', () => {
    expect(customerCreateSchema.parse({ ...valid, name: '  Siti  ' }).name).toBe('Siti');
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, name: '   ' }))).toEqual({ name: 'validation.required' });
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, name: 'x'.repeat(121) }))).toEqual({ name: 'validation.tooLong' });
  });

  it.each([
    ['a newline (a fake paragraph in every message)', 'Budi\n\nTagihan Anda sudah LUNAS', 'Budi Tagihan Anda sudah LUNAS'],
    ['a carriage return and a tab', 'Budi\r\n\tSantoso', 'Budi Santoso'],
    ['a Unicode line separator', 'Budi\u2028Santoso', 'Budi Santoso'],
    ['NUL and other control characters', 'Bu\u0000di\u0007 Santoso\u001B', 'Budi Santoso'],
    ['a right-to-left override', 'Budi \u202Eosotnas\u202C', 'Budi osotnas'],
    ['direction isolates and marks', '\u2067Budi\u2069 \u200FSantoso\u200E', 'Budi Santoso'],
  ])('keeps a name on one line of plain text: %s', (_label, name, stored) => {
    expect(customerCreateSchema.parse({ ...valid, name }).name).toBe(stored);
  });

  it('keeps the address on one line and the notes on their own lines, without control characters', () => {
    const parsed = customerCreateSchema.parse({ ...valid, address: 'Jl. Kampus\nNo. 3', notes: 'Pagar biru\r\nRumah ke-2\u0000\u202E' });
    expect(parsed.address).toBe('Jl. Kampus No. 3');
    expect(parsed.notes).toBe('Pagar biru\nRumah ke-2');
  });

  it('refuses a name that is only breaks and control characters as empty', () => {
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, name: '\n\u0000\u202E\t' }))).toEqual({ name: 'validation.required' });
  });

  it.each([
    ['a Jakarta landline', '021-5551234'],
    ['a US number', '+1 202 555 0143'],
    ['a US number typed without +1', '(202) 555-0143'],
    ['a Malaysian mobile', '+60 12-345 6789'],
  ])('refuses %s for WhatsApp unless marked "tidak ada WhatsApp"', (_label, phone) => {
    const refused = customerCreateSchema.safeParse({ ...valid, phone });
    expect(refused.success).toBe(false);
    expect(Object.values(issuesOf(refused))[0]).toMatch(/^validation\.phone/);
    const marked = customerCreateSchema.safeParse({ ...valid, phone, whatsapp: false });
    if (phone === '(202) 555-0143' && !marked.success) return; // not a valid number at all: refused either way
    expect(marked.success).toBe(true);
    expect(marked.data?.whatsapp).toBe(false);
    expect(marked.data?.phone.startsWith('+628')).toBe(false);
  });

  it('says a landline needs the mark, and a mobile needs none', () => {
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, phone: '021-5551234' }))).toEqual({ phone: 'validation.phoneNotMobile' });
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, whatsapp: false }))).toEqual({ whatsapp: 'validation.phoneIsMobile' });
  });

  it.each([['budi santoso'], ['budi/1'], [''], ['x'.repeat(65)]])('refuses router username %j', (username) => {
    expect(customerCreateSchema.safeParse({ ...valid, username }).success).toBe(false);
  });

  it.each([['budi@rw05'], ['Budi.Santoso-2'], ['b_1']])('accepts router username %j', (username) => {
    expect(customerCreateSchema.safeParse({ ...valid, username }).success).toBe(true);
  });

  it('keeps coordinates on the globe', () => {
    expect(customerCreateSchema.safeParse({ ...valid, latitude: -7.42, longitude: 109.23 }).success).toBe(true);
    expect(Object.keys(issuesOf(customerCreateSchema.safeParse({ ...valid, latitude: 91, longitude: 181 })))).toEqual([
      'latitude',
      'longitude',
    ]);
  });

  it('refuses a package id that is not a ULID', () => {
    expect(issuesOf(customerCreateSchema.safeParse({ ...valid, packageId: 'paket-1' }))).toEqual({ packageId: 'validation.invalid' });
  });

  it('refuses unknown fields once made strict, as the contract does', () => {
    expect(customerCreateSchema.strict().safeParse({ ...valid, status: 'active' }).success).toBe(false);
  });
});

describe('customerUpdateSchema', () => {
  it('is a patch: only id is required and no defaults sneak in', () => {
    expect(customerUpdateSchema.parse({ id: PACKAGE })).toEqual({ id: PACKAGE });
    expect(customerUpdateSchema.parse({ id: PACKAGE, phone: '+62 857 1234 5678' })).toEqual({ id: PACKAGE, phone: '+6285712345678' });
  });

  it('still checks the billing day of a patch', () => {
    expect(customerUpdateSchema.safeParse({ id: PACKAGE, billingDay: 29 }).success).toBe(false);
  });

  it('checks a changed phone against the WhatsApp mark it sends', () => {
    expect(customerUpdateSchema.safeParse({ id: PACKAGE, phone: '021-5551234' }).success).toBe(false);
    expect(customerUpdateSchema.parse({ id: PACKAGE, phone: '021-5551234', whatsapp: false })).toEqual({ id: PACKAGE, phone: '+62215551234', whatsapp: false });
    expect(customerUpdateSchema.safeParse({ id: PACKAGE, name: 'Siti\nLUNAS' }).data?.name).toBe('Siti LUNAS');
  });
});

describe('customerListSchema', () => {
  it('defaults to the first page of 50 of everyone', () => {
    expect(customerListSchema.parse({})).toEqual({ query: '', status: null, packageId: null, area: null, cursor: null, limit: 50 });
  });

  it.each([[0], [201], [1.5]])('refuses page size %d', (limit) => {
    expect(customerListSchema.safeParse({ limit }).success).toBe(false);
  });

  it('caps the query length', () => {
    expect(customerListSchema.safeParse({ query: 'x'.repeat(101) }).success).toBe(false);
  });
});

describe('the customer form on the contract schema', () => {
  const typed = { ...blankCustomer(new Date(Date.UTC(2026, 0, 5))), name: 'Kantor Kelurahan', packageId: PACKAGE, username: 'kelurahan' };

  it('flags every wrong field of an empty form in one round', () => {
    expect(Object.keys(issuesOf(customerFormSchema.safeParse(blankCustomer(new Date()))))).toEqual(['name', 'phone', 'packageId', 'username']);
  });

  it('applies the WhatsApp rule to what was typed, and reads a pasted landline once marked', () => {
    expect(issuesOf(customerFormSchema.safeParse({ ...typed, phone: '(0281) 637123' }))).toEqual({ phone: 'validation.phoneNotMobile' });
    expect(customerFormSchema.parse({ ...typed, phone: '(0281) 637123', whatsapp: false })).toMatchObject({ phone: '+62281637123', whatsapp: false });
  });
});

describe('waRecipientSchema (test sends, alert recipients)', () => {
  it.each([
    ['an Indonesian mobile', '0812-3456-7890', '+6281234567890'],
    ['a foreign WhatsApp written with + and its country code', '+1 202 555 0143', '+12025550143'],
  ])('accepts %s', (_label, input, e164) => {
    expect(waRecipientSchema.parse(input)).toBe(e164);
  });

  it.each([
    ['a US number pasted without +, which would be read as +62 1202…', '12025550143'],
    ['a US number in its local form, which would be read as +62 202…', '(202) 555-0143'],
    ['a Jakarta landline', '021-5551234'],
  ])('refuses %s', (_label, input) => {
    const result = waRecipientSchema.safeParse(input);
    expect(result.error?.issues.map((i) => i.message)).toEqual(['validation.waNumber']);
  });
});

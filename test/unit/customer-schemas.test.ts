import { describe, expect, it } from 'vitest';
import { customerCreateSchema, customerListSchema, customerUpdateSchema } from '../../shared/domain/customer.js';

const PACKAGE = '01JH0000000000000000000001';
const valid = { name: 'Budi Santoso', phone: '0812-3456-7890', packageId: PACKAGE, username: 'budi.santoso', billingDay: 10 };

const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  Object.fromEntries((result.error?.issues ?? []).map((i) => [i.path.join('.'), i.message]));

describe('customerCreateSchema', () => {
  it('fills the optional fields and stores the phone in E.164', () => {
    expect(customerCreateSchema.parse(valid)).toEqual({
      ...valid,
      phone: '+6281234567890',
      address: '',
      latitude: null,
      longitude: null,
      routerId: null,
      serviceType: 'pppoe',
      notes: '',
    });
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
});

describe('customerListSchema', () => {
  it('defaults to the first page of 50 of everyone', () => {
    expect(customerListSchema.parse({})).toEqual({ query: '', status: null, packageId: null, cursor: null, limit: 50 });
  });

  it.each([[0], [201], [1.5]])('refuses page size %d', (limit) => {
    expect(customerListSchema.safeParse({ limit }).success).toBe(false);
  });

  it('caps the query length', () => {
    expect(customerListSchema.safeParse({ query: 'x'.repeat(101) }).success).toBe(false);
  });
});

import { z } from 'zod';
import { optionalMultilineText, optionalPhone, optionalText, text } from './common.js';

/** A logo is printed a few centimetres wide: 512 kB is plenty, and keeps every profile read small. */
export const LOGO_MAX_BYTES = 512 * 1024;
export const BANK_ACCOUNTS_MAX = 5;
export const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];

/** Where customers transfer to: a bank ("BCA") or an e-wallet ("DANA"), printed on every invoice. */
export const bankAccountSchema = z.object({
  bank: text(60),
  number: text(40),
  holder: text(120),
});
export type BankAccount = z.infer<typeof bankAccountSchema>;

/** The logo as stored: its type (read from its bytes, never from a file name) and its bytes in base64. */
export const logoSchema = z.object({ type: z.enum(LOGO_TYPES), base64: z.string() });
export type Logo = z.infer<typeof logoSchema>;

/**
 * The ISP as its customers see it on paper. `name` is the tenant's one name (changed in the
 * tenant's own settings); the profile adds the rest.
 */
export const tenantProfileSchema = z.object({
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  footer: z.string(),
  bankAccounts: z.array(bankAccountSchema),
  logo: logoSchema.nullable(),
});
export type TenantProfile = z.infer<typeof tenantProfileSchema>;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** How many bytes a base64 text stands for, without decoding it. */
function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** PNG and JPEG by their first bytes (magic numbers): a renamed .exe or an SVG with script is neither. */
export function logoTypeOf(base64: string): LogoType | null {
  const head = Array.from(atob(base64.slice(0, 12)), (c) => c.charCodeAt(0));
  const starts = (magic: number[]) => magic.every((byte, i) => head[i] === byte);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  return null;
}

/** A logo sent in a call: base64 of a PNG or JPEG up to LOGO_MAX_BYTES, typed by its bytes. */
export const logoUploadSchema = z.string().transform((base64, ctx): Logo => {
  if (base64.length % 4 !== 0 || !BASE64.test(base64) || base64.length < 12) {
    ctx.addIssue({ code: 'custom', message: 'validation.logoType' });
    return z.NEVER;
  }
  if (decodedSize(base64) > LOGO_MAX_BYTES) {
    ctx.addIssue({ code: 'custom', message: 'validation.logoTooLarge' });
    return z.NEVER;
  }
  const type = logoTypeOf(base64);
  if (!type) {
    ctx.addIssue({ code: 'custom', message: 'validation.logoType' });
    return z.NEVER;
  }
  return { type, base64 };
});

const email = optionalText(120).refine((value) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value), 'validation.email');

/** The whole profile at once (the form sends it all); `logo` left out keeps the saved one, null removes it. */
export const tenantProfileUpdateObject = z.object({
  address: optionalMultilineText(300),
  phone: optionalPhone,
  email,
  footer: optionalMultilineText(300),
  bankAccounts: z.array(bankAccountSchema).max(BANK_ACCOUNTS_MAX, 'validation.tooMany'),
  logo: logoUploadSchema.nullable().optional(),
});
export const tenantProfileUpdateSchema = tenantProfileUpdateObject.strict();
export type TenantProfileUpdate = z.output<typeof tenantProfileUpdateSchema>;

import type { z } from 'zod';
import { tenantProfileUpdateObject, type TenantProfile } from '../../../../shared/domain/tenant-profile.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';

/** The form holds everything but the logo, which is picked, previewed and removed beside it. */
export const printProfileFormSchema = tenantProfileUpdateObject.omit({ logo: true });
export type PrintProfileFormValues = z.input<typeof printProfileFormSchema>;

export function printProfileDefaults(profile: TenantProfile): PrintProfileFormValues {
  return {
    address: profile.address,
    phone: profile.phone === '' ? '' : formatPhoneLocal(profile.phone),
    email: profile.email,
    footer: profile.footer,
    bankAccounts: profile.bankAccounts,
  };
}

/** A picked file as the call takes it: its bytes in base64 (the core reads the type from them). */
export function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

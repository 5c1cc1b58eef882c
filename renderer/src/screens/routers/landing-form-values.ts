import { z } from 'zod';
import { hostFitsPage, landingUpdateObject, type LandingSettings } from '../../../../shared/domain/router-prepare.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';

/** The port box as typed: a whole number 1 to 65535 (the contract also takes 0, which only tests use). */
const portText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    const n = Number(text);
    if (/^\d{1,5}$/.test(text) && n >= 1 && n <= 65535) return n;
    ctx.addIssue({ code: 'custom', message: 'validation.port' });
    return z.NEVER;
  });

export const landingFormSchema = landingUpdateObject.extend({ port: portText }).superRefine(hostFitsPage);
export type LandingFormValues = z.input<typeof landingFormSchema>;

export function landingFormDefaults(settings: LandingSettings): LandingFormValues {
  return {
    enabled: settings.enabled,
    host: settings.host,
    port: String(settings.port || 8080),
    contactPhone: settings.contactPhone === '' ? '' : formatPhoneLocal(settings.contactPhone),
    paymentNote: settings.paymentNote,
  };
}

import { z } from 'zod';
import { API_PORT, API_TLS_PORT, COA_PORT, DEFAULT_ISOLIR_PROFILE, radiusNeedsSecret, routerCreateObject, type Router } from '../../../../shared/domain/router.js';

/** A port box as typed: empty is "the usual one" (null), otherwise a whole number the contract checks. */
const portText = z
  .string()
  .trim()
  .transform((text, ctx) => {
    if (text === '') return null;
    const n = Number(text);
    if (/^\d{1,5}$/.test(text) && n >= 1 && n <= 65535) return n;
    ctx.addIssue({ code: 'custom', message: 'validation.port' });
    return z.NEVER;
  });

const formObject = routerCreateObject.extend({
  apiPort: portText,
  radiusCoaPort: portText.transform((port) => port ?? COA_PORT),
  radiusNasAddress: z.string().transform((text) => (text.trim() === '' ? null : text)),
  tls: z.boolean(),
  isolirMethod: routerCreateObject.shape.isolirMethod.unwrap(),
  isolirProfile: routerCreateObject.shape.isolirProfile.unwrap(),
  notes: routerCreateObject.shape.notes.unwrap(),
  radiusSecret: z.string().max(128, 'validation.tooLong'),
});

/** Adding: the password is required, and the RADIUS secret when the method is RADIUS. */
export const routerCreateFormSchema = formObject.superRefine(radiusNeedsSecret);
/** Editing: empty password and secret boxes keep the stored ones (a router with no secret yet still needs one for RADIUS). */
export const routerEditFormSchema = (router: Router) =>
  formObject.extend({ password: z.string().max(128, 'validation.tooLong') }).superRefine((values, ctx) => {
    if (!router.hasRadiusSecret) radiusNeedsSecret(values, ctx);
  });

export type RouterFormValues = z.input<typeof formObject>;

/** What "Tes koneksi" needs of the form: checked by the same rules, so a wrong box is marked before any call. */
export const routerTestFields = ['host', 'apiPort', 'tls', 'username', 'password'] as const;
export const routerTestFormSchema = formObject.pick({ host: true, apiPort: true, tls: true, username: true }).extend({ password: z.string() });

export function routerFormDefaults(router: Router | undefined): RouterFormValues {
  return {
    name: router?.name ?? '',
    host: router?.host ?? '',
    apiPort: router && router.apiPort !== (router.tls ? API_TLS_PORT : API_PORT) ? String(router.apiPort) : '',
    tls: router?.tls ?? false,
    username: router?.username ?? '',
    password: '',
    isolirMethod: router?.isolirMethod ?? 'pppoe-profile',
    isolirProfile: router?.isolirProfile ?? DEFAULT_ISOLIR_PROFILE,
    radiusNasAddress: router?.radiusNasAddress ?? '',
    radiusCoaPort: router && router.radiusCoaPort !== COA_PORT ? String(router.radiusCoaPort) : '',
    radiusSecret: '',
    notes: router?.notes ?? '',
  };
}

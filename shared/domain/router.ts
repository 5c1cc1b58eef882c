import { z } from 'zod';
import { idSchema, optionalMultilineText, text } from './common.js';
import { splitHostPort } from '../util/host.js';

/** How a router puts a customer into isolir; chosen per router (issue 8, "Executors, chosen per router"). */
export const ISOLIR_METHODS = ['pppoe-profile', 'address-list', 'disable-secret', 'radius'] as const;
export const isolirMethodSchema = z.enum(ISOLIR_METHODS);
export type IsolirMethod = z.infer<typeof isolirMethodSchema>;

/** RouterOS's API ports: plain and over TLS (`/ip service api` and `api-ssl`). */
export const API_PORT = 8728;
export const API_TLS_PORT = 8729;
/** RFC 5176's port for CoA / Disconnect-Request, which MikroTik listens on by default. */
export const COA_PORT = 3799;
export const DEFAULT_ISOLIR_PROFILE = 'isolir';

/**
 * A router as the screens see it. The API password and the RADIUS secret never leave the core: only
 * whether one is stored. The RouterOS version and identity are what "Tes koneksi" or the health
 * check last read (null until one reached it).
 */
export const routerSchema = z.object({
  id: idSchema,
  name: z.string(),
  host: z.string(),
  apiPort: z.number().int(),
  tls: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  isolirMethod: isolirMethodSchema,
  isolirProfile: z.string(),
  /** Null: the NAS is the router's own host. */
  radiusNasAddress: z.string().nullable(),
  radiusCoaPort: z.number().int(),
  hasRadiusSecret: z.boolean(),
  rosVersion: z.string().nullable(),
  rosIdentity: z.string().nullable(),
  detectedAt: z.string().nullable(),
  notes: z.string(),
  /** Customers served by this router (every status): a router with any cannot be removed. */
  customerCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Router = z.infer<typeof routerSchema>;

const portSchema = z.number({ error: 'validation.port' }).int('validation.port').min(1, 'validation.port').max(65535, 'validation.port');

/** An address as people paste it: trimmed, and "192.168.88.1:8728" is checked as host plus port. */
const hostSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(260, 'validation.tooLong')
  .refine((value) => splitHostPort(value) !== null, 'validation.host');

/** The NAS address RADIUS sees the router by: an address alone, no port. */
const nasAddressSchema = hostSchema.refine((value) => splitHostPort(value)?.port === null, 'validation.hostNoPort');

/** RouterOS user names: no spaces, nothing a login sentence could trip on. */
const apiUsernameSchema = z
  .string()
  .trim()
  .min(1, 'validation.required')
  .max(64, 'validation.tooLong')
  .regex(/^[A-Za-z0-9._@-]+$/, 'validation.routerUsername');

/** A profile name as RouterOS shows it: no line breaks, no leading or trailing spaces. */
const profileSchema = text(64);

const routerFields = {
  name: text(64),
  host: hostSchema,
  /** Null: the API's usual port, 8728, or 8729 with TLS. */
  apiPort: portSchema.nullable(),
  tls: z.boolean(),
  username: apiUsernameSchema,
  /** On an edit, empty keeps the stored password. */
  password: z.string().max(128, 'validation.tooLong'),
  isolirMethod: isolirMethodSchema,
  isolirProfile: profileSchema,
  radiusNasAddress: nasAddressSchema.nullable(),
  radiusCoaPort: portSchema,
  /** On an edit, empty keeps the stored secret. */
  radiusSecret: z.string().max(128, 'validation.tooLong'),
  notes: optionalMultilineText(1000),
};

/** The create input before its cross-field rules: forms extend this (zod refuses to extend a refined object). */
export const routerCreateObject = z.object({
  ...routerFields,
  apiPort: routerFields.apiPort.default(null),
  tls: routerFields.tls.default(false),
  password: routerFields.password.min(1, 'validation.required'),
  isolirMethod: routerFields.isolirMethod.default('pppoe-profile'),
  isolirProfile: routerFields.isolirProfile.default(DEFAULT_ISOLIR_PROFILE),
  radiusNasAddress: routerFields.radiusNasAddress.default(null),
  radiusCoaPort: routerFields.radiusCoaPort.default(COA_PORT),
  radiusSecret: routerFields.radiusSecret.default(''),
  notes: routerFields.notes.default(''),
});

/** RADIUS isolir needs the secret the router shares with the RADIUS server (kept, when an edit leaves it empty). */
export function radiusNeedsSecret(values: { isolirMethod?: unknown; radiusSecret?: unknown }, ctx: z.RefinementCtx): void {
  if (values.isolirMethod === 'radius' && values.radiusSecret === '') ctx.addIssue({ code: 'custom', path: ['radiusSecret'], message: 'validation.required' });
}

/** "host:port" typed in the address box wins over the port box: it is what was pasted last. */
function withPastedPort<T extends { host?: string; apiPort?: number | null }>(values: T): T {
  if (values.host === undefined) return values;
  const split = splitHostPort(values.host);
  if (split === null) return values;
  return { ...values, host: split.host, ...(split.port !== null ? { apiPort: split.port } : {}) };
}

export const routerCreateSchema = routerCreateObject.strict().superRefine(radiusNeedsSecret).transform(withPastedPort);

/** A patch: only the fields sent change; an empty password or secret keeps the stored one. */
export const routerUpdateSchema = z.object(routerFields).partial().extend({ id: idSchema }).strict().transform(withPastedPort);
export type RouterUpdateInput = z.output<typeof routerUpdateSchema>;

/** The classified answers of "Tes koneksi" and the health check, each with a plain message that says what to do. */
export const ROUTER_PROBE_CODES = ['UNREACHABLE', 'TIMEOUT', 'AUTH_FAILED', 'API_DISABLED', 'NOT_ALLOWED', 'NO_WRITE_RIGHTS', 'COMMAND_FAILED'] as const;
const routerProbeCodeSchema = z.enum(ROUTER_PROBE_CODES);
export type RouterProbeCode = z.infer<typeof routerProbeCodeSchema>;

const routerProblemSchema = z.object({ code: routerProbeCodeSchema, message: z.string() });
export type RouterProblem = z.infer<typeof routerProblemSchema>;

/**
 * "Tes koneksi": a saved router (`id`), or what the form holds before it is saved. With an id the
 * fields sent replace the stored ones for this one try, and an empty password uses the stored one.
 */
export const routerTestInputSchema = z
  .object({
    id: idSchema.nullable().default(null),
    host: hostSchema.optional(),
    apiPort: portSchema.nullable().optional(),
    tls: z.boolean().optional(),
    username: apiUsernameSchema.optional(),
    password: routerFields.password.optional(),
  })
  .strict()
  .transform(withPastedPort);
export type RouterTestInput = z.output<typeof routerTestInputSchema>;

export const routerTestResultSchema = z.object({
  /** The API port answered (a wrong password still reached it). */
  reachable: z.boolean(),
  identity: z.string().nullable(),
  version: z.string().nullable(),
  /** Whether the API user may change things (isolir needs it); null when the login failed. */
  writeRights: z.boolean().nullable(),
  /** Null: connected, logged in, and allowed to write. */
  problem: routerProblemSchema.nullable(),
});
export type RouterTestResult = z.infer<typeof routerTestResultSchema>;

export const routerHealthSchema = z.object({
  reachable: z.boolean(),
  identity: z.string().nullable(),
  version: z.string().nullable(),
  /** Percent. */
  cpuLoad: z.number().nullable(),
  /** Seconds since the router booted. */
  uptime: z.number().int().nullable(),
  pppoeActive: z.number().int().nullable(),
  hotspotActive: z.number().int().nullable(),
  problem: routerProblemSchema.nullable(),
});
export type RouterHealth = z.infer<typeof routerHealthSchema>;


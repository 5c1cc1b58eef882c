import { z } from 'zod';
import { splitHostPort } from '../util/host.js';

/**
 * "Database FreeRADIUS": where the install's FreeRADIUS keeps its rlm_sql tables, for routers whose
 * isolir method is RADIUS. PostgreSQL (FreeRADIUS on a server of the ISP's, reached over the
 * network) or the SQLite file rlm_sql_sqlite reads (FreeRADIUS on this computer).
 */
export const RADIUS_DB_KINDS = ['postgresql', 'sqlite'] as const;
export const radiusDbKindSchema = z.enum(RADIUS_DB_KINDS);
export type RadiusDbKind = z.infer<typeof radiusDbKindSchema>;

export const POSTGRES_PORT = 5432;
/** The database and user names in FreeRADIUS's own setup.sql, what most ISPs keep. */
export const DEFAULT_RADIUS_DATABASE = 'radius';
export const DEFAULT_RADIUS_USER = 'radius';

/** The tables isolir reads and writes: the user's group, the groups' replies, the live sessions (radreply: per-user overrides). */
export const RADIUS_TABLES = ['radusergroup', 'radreply', 'radgroupreply', 'radacct'] as const;

/**
 * Why the RADIUS database could not be used, in "Tes" and as an isolir failure. Each has plain
 * words (`radiusDbProblems.<CODE>` in the core's messages, `isolir.error_<CODE>` on the screens).
 */
export const RADIUS_DB_PROBLEMS = [
  'RADIUS_DB_UNREACHABLE',
  'RADIUS_DB_AUTH_FAILED',
  'RADIUS_DB_NOT_FOUND',
  'RADIUS_DB_TABLES_MISSING',
  'RADIUS_DB_NO_RIGHTS',
  'RADIUS_DB_UNAVAILABLE',
] as const;
export type RadiusDbProblemCode = (typeof RADIUS_DB_PROBLEMS)[number];

/** The setting as the screens see it: the password never leaves the core, only whether one is stored. */
export const radiusDatabaseSchema = z.object({
  /** False until someone saves it: RADIUS routers cannot isolate anyone yet. */
  configured: z.boolean(),
  kind: radiusDbKindSchema,
  host: z.string(),
  port: z.number().int(),
  database: z.string(),
  user: z.string(),
  hasPassword: z.boolean(),
  /** The SQLite file (kind sqlite). */
  path: z.string(),
  updatedAt: z.string().nullable(),
});
export type RadiusDatabase = z.infer<typeof radiusDatabaseSchema>;

const portSchema = z.number({ error: 'validation.port' }).int('validation.port').min(1, 'validation.port').max(65535, 'validation.port');
/** PostgreSQL's names: 63 bytes at most; anything else is quoted by the driver, never pasted into SQL. */
const pgName = z.string().trim().max(63, 'validation.tooLong');

export const radiusDatabaseFields = {
  kind: radiusDbKindSchema,
  host: z.string().trim().max(260, 'validation.tooLong'),
  /** Left out: PostgreSQL's own port. */
  port: portSchema.default(POSTGRES_PORT),
  database: pgName,
  user: pgName,
  /** Empty keeps the stored password. */
  password: z.string().max(256, 'validation.tooLong'),
  path: z.string().trim().max(1024, 'validation.tooLong'),
};

/** Absolute, on Linux or Windows: a relative path would depend on where the app was started. */
const ABSOLUTE_PATH = /^(\/|[A-Za-z]:[\\/]|\\\\)/;

/**
 * What each kind needs, as field errors all in one round. A value that is not text (missing, wrong
 * type) is left alone: its own field check has said so already.
 */
export function radiusDatabaseRules(values: { kind?: unknown; host?: unknown; database?: unknown; user?: unknown; path?: unknown }, ctx: z.RefinementCtx): void {
  const need = (field: string, message: string) => ctx.addIssue({ code: 'custom', path: [field], message });
  if (values.kind === 'postgresql') {
    if (values.host === '') need('host', 'validation.required');
    else if (typeof values.host === 'string' && splitHostPort(values.host)?.port !== null) {
      need('host', splitHostPort(values.host) === null ? 'validation.host' : 'validation.hostNoPort');
    }
    if (values.database === '') need('database', 'validation.required');
    if (values.user === '') need('user', 'validation.required');
  }
  if (values.kind === 'sqlite') {
    if (values.path === '') need('path', 'validation.required');
    else if (typeof values.path === 'string' && !ABSOLUTE_PATH.test(values.path)) need('path', 'validation.absolutePath');
  }
}

/**
 * The rules run even when a field already failed (a port out of range), so every wrong box is said
 * in one round; they read each value defensively for that reason.
 */
export const ALWAYS = { when: () => true };

/** Saving, and "Tes" of what the form holds: an empty password means the stored one. */
export const radiusDatabaseUpdateSchema = z.object(radiusDatabaseFields).strict().superRefine(radiusDatabaseRules, ALWAYS);
export type RadiusDatabaseInput = z.output<typeof radiusDatabaseUpdateSchema>;

export const radiusDatabaseTestResultSchema = z.object({
  /** Connected, and every table is there and writable where isolir writes. */
  ok: z.boolean(),
  /** `message`: what to do, in plain words; `detail`: the database's own words, for "Detail teknis". */
  problem: z.object({ code: z.enum(RADIUS_DB_PROBLEMS), message: z.string(), detail: z.string() }).nullable(),
});
export type RadiusDatabaseTestResult = z.infer<typeof radiusDatabaseTestResultSchema>;

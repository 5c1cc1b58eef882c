import type { RadiusDbProblemCode } from '../../../../shared/domain/radius-database.js';

/**
 * A RADIUS database that could not be used, classified: the stores turn their driver's errors into
 * one of these, so the executor's failure and the setting's "Tes" say the same plain thing for
 * PostgreSQL and SQLite. `message` keeps the driver's own words for the history and the log.
 */
export class RadiusDbError extends Error {
  constructor(
    readonly code: RadiusDbProblemCode,
    message: string,
  ) {
    super(message);
    this.name = 'RadiusDbError';
  }
}

/** PostgreSQL's SQLSTATEs (and Node's socket errors) by what the operator has to do about them. */
const PG_CODES: Record<string, RadiusDbProblemCode> = {
  '28P01': 'RADIUS_DB_AUTH_FAILED', // invalid_password
  '28000': 'RADIUS_DB_AUTH_FAILED', // invalid_authorization_specification: no pg_hba.conf line lets this user in from here
  '3D000': 'RADIUS_DB_NOT_FOUND', // invalid_catalog_name: no such database
  '42P01': 'RADIUS_DB_TABLES_MISSING', // undefined_table
  '42501': 'RADIUS_DB_NO_RIGHTS', // insufficient_privilege
  '57P01': 'RADIUS_DB_UNREACHABLE', // admin_shutdown: the server is going down
  '57P03': 'RADIUS_DB_UNREACHABLE', // cannot_connect_now: starting up or shutting down
  ECONNREFUSED: 'RADIUS_DB_UNREACHABLE',
  ECONNRESET: 'RADIUS_DB_UNREACHABLE',
  EHOSTUNREACH: 'RADIUS_DB_UNREACHABLE',
  ENETUNREACH: 'RADIUS_DB_UNREACHABLE',
  ENOTFOUND: 'RADIUS_DB_UNREACHABLE',
  EAI_AGAIN: 'RADIUS_DB_UNREACHABLE',
  ETIMEDOUT: 'RADIUS_DB_UNREACHABLE',
  EPIPE: 'RADIUS_DB_UNREACHABLE',
};

export function classifyPgError(error: unknown): RadiusDbError {
  if (error instanceof RadiusDbError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  const known = PG_CODES[code];
  if (known) return new RadiusDbError(known, message);
  // Class 08: connection exceptions. pg's own connect timeout and a socket closed under a query
  // carry no code, only these words.
  if (code.startsWith('08') || /timeout expired|Connection terminated|connection timeout/i.test(message)) {
    return new RadiusDbError('RADIUS_DB_UNREACHABLE', message);
  }
  return new RadiusDbError('RADIUS_DB_UNAVAILABLE', message);
}

/** better-sqlite3's errors: a missing or unreadable file, missing tables, a file it may not write. */
export function classifySqliteError(error: unknown): RadiusDbError {
  if (error instanceof RadiusDbError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'SQLITE_CANTOPEN' || /unable to open database file|directory does not exist/i.test(message)) return new RadiusDbError('RADIUS_DB_NOT_FOUND', message);
  if (/no such table/i.test(message)) return new RadiusDbError('RADIUS_DB_TABLES_MISSING', message);
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return new RadiusDbError('RADIUS_DB_NO_RIGHTS', message);
  return new RadiusDbError('RADIUS_DB_UNAVAILABLE', message);
}

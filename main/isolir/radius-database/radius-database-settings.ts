import type { Db } from '../../db/index.js';
import { Failure, isoAt, type Clock, type IdGenerator } from '../../platform/index.js';
import type { SecretBox } from '../../secrets/index.js';
import {
  DEFAULT_RADIUS_DATABASE,
  DEFAULT_RADIUS_USER,
  POSTGRES_PORT,
  type RadiusDatabase,
  type RadiusDatabaseInput,
  type RadiusDbKind,
} from '../../../shared/domain/radius-database.js';
import type { PostgresLogin } from '../executors/radius/postgres-radius-store.js';

interface Row {
  kind: RadiusDbKind;
  host: string;
  port: number;
  database_name: string;
  db_user: string;
  password_sealed: string | null;
  sqlite_path: string;
  updated_at: string;
}

/** Where to reach FreeRADIUS's tables, secrets opened: never leaves the core. */
export type RadiusDbConfig = ({ kind: 'postgresql' } & PostgresLogin) | { kind: 'sqlite'; path: string };

/**
 * The tenant's "Database FreeRADIUS" setting (radius_databases, migration 024). The password is
 * sealed at rest and never answered; `onChange` hears every save, so the stores in use follow the
 * setting without a restart.
 */
export class RadiusDatabaseSettings {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly secrets: SecretBox,
    private readonly onChange: (tenantId: string) => void,
  ) {}

  view(tenantId: string): RadiusDatabase {
    const row = this.row(tenantId);
    if (!row) {
      return { configured: false, kind: 'postgresql', host: '', port: POSTGRES_PORT, database: DEFAULT_RADIUS_DATABASE, user: DEFAULT_RADIUS_USER, hasPassword: false, path: '', updatedAt: null };
    }
    return {
      configured: true,
      kind: row.kind,
      host: row.host,
      port: row.port,
      database: row.database_name,
      user: row.db_user,
      hasPassword: row.password_sealed !== null,
      path: row.sqlite_path,
      updatedAt: row.updated_at,
    };
  }

  /** The saved setting, ready to connect with; null while nobody has saved one. */
  config(tenantId: string): RadiusDbConfig | null {
    const row = this.row(tenantId);
    if (!row) return null;
    if (row.kind === 'sqlite') return { kind: 'sqlite', path: row.sqlite_path };
    const password = row.password_sealed === null ? '' : this.secrets.open(row.password_sealed);
    return { kind: 'postgresql', host: row.host, port: row.port, database: row.database_name, user: row.db_user, password };
  }

  /** What the form holds, ready to try ("Tes"), with the stored password where the form left it empty. */
  configOf(tenantId: string, input: RadiusDatabaseInput): RadiusDbConfig {
    if (input.kind === 'sqlite') return { kind: 'sqlite', path: input.path };
    return { kind: 'postgresql', host: input.host, port: input.port, database: input.database, user: input.user, password: this.passwordFor(tenantId, input) };
  }

  update(tenantId: string, input: RadiusDatabaseInput): RadiusDatabase {
    // SQLite needs none: a stored PostgreSQL password stays, for a switch back to the same server.
    const password = input.kind === 'postgresql' ? this.passwordFor(tenantId, input) : null;
    const now = isoAt(this.clock);
    const sealed = password === null ? this.row(tenantId)?.password_sealed ?? null : this.secrets.seal(password);
    this.db
      .prepare(
        `INSERT INTO radius_databases (id, tenant_id, kind, host, port, database_name, db_user, password_sealed, sqlite_path, created_at, updated_at)
          VALUES (@id, @tenantId, @kind, @host, @port, @database, @user, @sealed, @path, @now, @now)
          ON CONFLICT (tenant_id) DO UPDATE SET kind = excluded.kind, host = excluded.host, port = excluded.port,
            database_name = excluded.database_name, db_user = excluded.db_user, password_sealed = excluded.password_sealed,
            sqlite_path = excluded.sqlite_path, updated_at = excluded.updated_at`,
      )
      .run({ id: this.ids.next(), tenantId, kind: input.kind, host: input.host, port: input.port, database: input.database, user: input.user, sealed, path: input.path, now });
    this.onChange(tenantId);
    return this.view(tenantId);
  }

  /**
   * The password to use: the one typed, else the stored one, but only for the same server and user.
   * Sent to another host it would hand the stored password to whoever runs that host; another
   * user's password it is not.
   */
  private passwordFor(tenantId: string, input: RadiusDatabaseInput): string {
    if (input.password !== '') return input.password;
    const saved = this.row(tenantId);
    if (saved?.password_sealed && saved.host === input.host && saved.db_user === input.user) return this.secrets.open(saved.password_sealed);
    throw new Failure('VALIDATION_FAILED', {}, { password: 'validation.required' });
  }

  private row(tenantId: string): Row | undefined {
    return this.db.prepare('SELECT * FROM radius_databases WHERE tenant_id = ?').get(tenantId) as Row | undefined;
  }
}

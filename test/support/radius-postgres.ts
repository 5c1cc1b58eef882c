import { readFileSync } from 'node:fs';
import type { Postgres, PostgresLogin } from './postgres.js';

/** Debian's FreeRADIUS schema for rlm_sql_postgresql (freeradius-config ships it; `.ci/run` lets the tests read it). */
export const RADIUS_PG_SCHEMA = '/etc/freeradius/3.0/mods-config/sql/main/postgresql/schema.sql';

/** A database with FreeRADIUS's own PostgreSQL tables, owned by a user of its own; answers that user's login. */
export async function createRadiusDatabase(postgres: Postgres, name: string, owner = { user: `${name}_user`, password: `sandi-${name}` }): Promise<PostgresLogin> {
  const login = await postgres.createDatabase(name, owner);
  await postgres.query(login, readFileSync(RADIUS_PG_SCHEMA, 'utf8'));
  return login;
}

/** Group replies as FreeRADIUS reads them (`:=`, one row per attribute). */
export async function groupReplies(postgres: Postgres, login: PostgresLogin, group: string, attributes: Record<string, string>): Promise<void> {
  for (const [attribute, value] of Object.entries(attributes)) {
    await postgres.query(login, "INSERT INTO radgroupreply (groupname, attribute, op, value) VALUES ($1, $2, ':=', $3)", [group, attribute, value]);
  }
}

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { trackChanges } from '../../main/db/index.js';
import { call, createOwner, createTestCore, ok, type OwnerSession, type TestCore } from '../support/core-fixture.js';

interface LoggedChange {
  op: string;
  row: string;
}

describe('sync change log carries only allow-listed columns', () => {
  let t: TestCore;
  let owner: OwnerSession;

  beforeEach(async () => {
    t = createTestCore();
    owner = await createOwner(t.core);
  });
  afterEach(() => t.cleanup());

  const userChanges = (userId: string) =>
    t.core.db.prepare(`SELECT op, row FROM change_log WHERE entity = 'users' AND entity_id = ? ORDER BY seq`).all(userId) as LoggedChange[];

  it('a password change writes no hash or salt into change_log; the allowed columns still are', async () => {
    const user = await ok(t.core, 'users.create', { username: 'kasir', displayName: 'Kasir', role: 'admin', password: 'kata-sandi-lama' }, owner.token);
    expect((await call(t.core, 'users.update', { id: user.id, password: 'kata-sandi-baru', displayName: 'Kasir Dua' }, owner.token)).ok).toBe(true);

    const hash = t.core.db.prepare('SELECT password_hash FROM users WHERE id = ?').pluck().get(user.id) as string;
    const salt = hash.split('$')[4] ?? '';
    expect(salt.length).toBeGreaterThan(0);
    const changes = userChanges(user.id);
    expect(changes.map((c) => c.op)).toEqual(['insert', 'update']);
    for (const change of changes) {
      expect(change.row).not.toContain('password');
      expect(change.row).not.toContain(salt);
      expect(change.row).not.toContain('scrypt$');
    }
    expect(JSON.parse(changes[1]!.row)).toMatchObject({ id: user.id, tenant_id: owner.tenantId, username: 'kasir', display_name: 'Kasir Dua', role: 'admin' });
    // Nothing anywhere in the log carries a credential (the owner's own row included).
    expect(t.core.db.prepare(`SELECT COUNT(*) FROM change_log WHERE row LIKE '%scrypt$%' OR row LIKE '%password%' OR row LIKE '%credentials%'`).pluck().get()).toBe(0);
  });

  it('refuses to sync a credential column, or one the table does not have', () => {
    expect(() => trackChanges(t.core.db, 'users', ['id', 'tenant_id', 'password_hash'])).toThrow(/credential/);
    expect(() => trackChanges(t.core.db, 'users', ['id', 'tenant_id', 'nickname'])).toThrow(/not a column/);
  });
});

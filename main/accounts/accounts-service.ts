import type { Db } from '../db/index.js';
import type { EventBus } from '../bus/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, conflict, isoAt, notFound } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { Role } from '../../shared/domain/roles.js';
import type { Locale, User } from '../../shared/domain/user.js';
import type { TimeZone } from '../../shared/util/time.js';
import type { Tenant } from '../../shared/domain/tenant.js';
import { hashPassword, verifyPassword } from './password.js';
import { LoginThrottle, type LoginTarget } from './login-throttle.js';
import { SessionStore } from './session-store.js';
import { noLimit, type Caller } from '../module-kit/index.js';

interface UserRow {
  id: string;
  tenant_id: string;
  username: string;
  display_name: string;
  role: Role;
  password_hash: string;
  active: number;
  locale: Locale;
  created_at: string;
}

export interface Session {
  token: string;
  user: User;
  tenant: Tenant;
}

const toUser = (row: UserRow): User => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  active: row.active === 1,
  locale: row.locale,
  createdAt: row.created_at,
});

/** Local operator accounts: the office staff who sign in to this console. */
export class AccountsService {
  readonly sessions: SessionStore;
  readonly throttle: LoginThrottle;

  constructor(
    private readonly db: Db,
    private readonly bus: EventBus,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly tenants: TenantService,
  ) {
    this.sessions = new SessionStore(db, clock);
    this.throttle = new LoginThrottle(db, clock);
  }

  needsOwner(): boolean {
    return this.db.prepare('SELECT 1 FROM users LIMIT 1').get() === undefined;
  }

  /** First run: the ISP (tenant) and its owner, together or not at all. */
  async createOwner(input: {
    tenantName: string;
    timezone: TimeZone;
    username: string;
    displayName: string;
    password: string;
  }): Promise<Session> {
    const hash = await hashPassword(input.password);
    const owner = this.db.transaction(() => {
      // Checked inside the transaction: two first-run screens racing cannot both create an owner.
      if (!this.needsOwner()) throw new Failure('SETUP_DONE');
      const tenantId = this.tenants.create({ name: input.tenantName, timezone: input.timezone });
      return this.insertUser(tenantId, { ...input, role: 'owner' }, hash);
    })();
    return this.openSession(owner);
  }

  /** `source` is where the try comes from (the desktop window, a web client's address): throttled like the account. */
  async login(username: string, password: string, source: string): Promise<Session> {
    const row = this.db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
    const target: LoginTarget = row ? { userId: row.id } : { unknownName: username };
    const wait = this.throttle.admit(target, source);
    if (wait > 0) throw new Failure('TOO_MANY_ATTEMPTS', { seconds: wait });
    // Verify even for unknown users so timing does not reveal which usernames exist.
    const ok = await verifyPassword(password, row?.password_hash ?? DUMMY_HASH);
    if (!row || !ok || row.active !== 1) throw new Failure('INVALID_CREDENTIALS');
    this.throttle.succeeded(target, source);
    return this.openSession(toUser(row), row.tenant_id);
  }

  /** Who is calling, or null when the token is unknown, expired, or its user was deactivated. */
  caller(token: string): Caller | null {
    const ref = this.sessions.resolve(token);
    if (!ref) return null;
    const row = this.db.prepare('SELECT * FROM users WHERE id = ?').get(ref.userId) as UserRow | undefined;
    if (!row || row.active !== 1) return null;
    return { user: toUser(row), tenantId: ref.tenantId };
  }

  /** Whether a session still lets its user in, without counting as activity: what an open event socket asks. */
  isSignedIn(token: string): boolean {
    const ref = this.sessions.peek(token);
    return ref !== null && this.db.prepare('SELECT active FROM users WHERE id = ?').pluck().get(ref.userId) === 1;
  }

  list(tenantId: string): User[] {
    return (this.db.prepare('SELECT * FROM users WHERE tenant_id = ? ORDER BY role, username').all(tenantId) as UserRow[]).map(toUser);
  }

  count(tenantId: string): number {
    return this.db.prepare('SELECT COUNT(*) FROM users WHERE tenant_id = ? AND active = 1').pluck().get(tenantId) as number;
  }

  /**
   * `claimLimit` (the contract's counted limit, from the handler) runs in the same immediate
   * transaction as the insert: parallel calls all passed the dispatcher's early check while their
   * passwords hashed, and another process may share the file.
   */
  async create(
    tenantId: string,
    input: { username: string; displayName: string; role: Role; password: string },
    claimLimit: () => void = noLimit,
  ): Promise<User> {
    const hash = await hashPassword(input.password);
    return this.db
      .transaction(() => {
        claimLimit();
        return this.insertUser(tenantId, input, hash);
      })
      .immediate();
  }

  async update(
    tenantId: string,
    input: { id: string; displayName?: string; role?: Role; active?: boolean; password?: string },
  ): Promise<User> {
    const hash = input.password === undefined ? null : await hashPassword(input.password);
    return this.db.transaction(() => {
      const row = this.row(tenantId, input.id);
      const demotesOwner = row.role === 'owner' && ((input.role && input.role !== 'owner') || input.active === false);
      if (demotesOwner && this.activeOwners(tenantId) <= 1) throw conflict('role', 'conflicts.lastOwner');
      // Only active users count against the plan, so bringing one back takes a slot.
      if (input.active === true && row.active !== 1) this.tenants.ensureRoom('maxUsers', tenantId);
      this.db
        .prepare(`UPDATE users SET display_name = COALESCE(?, display_name), role = COALESCE(?, role),
          active = COALESCE(?, active), password_hash = COALESCE(?, password_hash), updated_at = ? WHERE id = ?`)
        .run(
          input.displayName ?? null,
          input.role ?? null,
          input.active === undefined ? null : Number(input.active),
          hash,
          isoAt(this.clock),
          input.id,
        );
      // A changed password or a deactivation ends the user's open sessions on every screen.
      if (hash !== null || input.active === false) this.sessions.closeAllFor(input.id);
      this.bus.publish('user_changed', tenantId, { userId: input.id });
      return toUser(this.row(tenantId, input.id));
    }).immediate();
  }

  setLocale(tenantId: string, userId: string, locale: Locale): User {
    this.db.prepare('UPDATE users SET locale = ?, updated_at = ? WHERE id = ? AND tenant_id = ?').run(locale, isoAt(this.clock), userId, tenantId);
    return toUser(this.row(tenantId, userId));
  }

  async changePassword(tenantId: string, userId: string, current: string, next: string, keepToken: string): Promise<void> {
    const row = this.row(tenantId, userId);
    if (!(await verifyPassword(current, row.password_hash))) {
      throw new Failure('VALIDATION_FAILED', {}, { currentPassword: 'errors.INVALID_CREDENTIALS' });
    }
    const hash = await hashPassword(next);
    this.db.transaction(() => {
      this.db.prepare('UPDATE users SET password_hash = ?, updated_at = ? WHERE id = ?').run(hash, isoAt(this.clock), userId);
      // The screen that changed the password stays signed in; every other session ends.
      this.sessions.closeOthers(userId, keepToken);
    })();
  }

  private openSession(user: User, tenantId?: string): Session {
    const tenant = tenantId ?? (this.db.prepare('SELECT tenant_id FROM users WHERE id = ?').pluck().get(user.id) as string);
    return { token: this.sessions.open(user.id, tenant), user, tenant: this.tenants.get(tenant) };
  }

  private insertUser(
    tenantId: string,
    input: { username: string; displayName: string; role: Role },
    passwordHash: string,
  ): User {
    if (this.db.prepare('SELECT 1 FROM users WHERE username = ?').get(input.username)) throw conflict('username', 'conflicts.username');
    const id = this.ids.next();
    const now = isoAt(this.clock);
    this.db
      .prepare(`INSERT INTO users (id, tenant_id, username, display_name, role, password_hash, active, locale, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, 1, 'id', ?, ?)`)
      .run(id, tenantId, input.username, input.displayName, input.role, passwordHash, now, now);
    this.bus.publish('user_changed', tenantId, { userId: id });
    return toUser(this.row(tenantId, id));
  }

  private activeOwners(tenantId: string): number {
    return this.db.prepare(`SELECT COUNT(*) FROM users WHERE tenant_id = ? AND role = 'owner' AND active = 1`).pluck().get(tenantId) as number;
  }

  private row(tenantId: string, userId: string): UserRow {
    const row = this.db.prepare('SELECT * FROM users WHERE id = ? AND tenant_id = ?').get(userId, tenantId) as UserRow | undefined;
    if (!row) throw notFound();
    return row;
  }
}

/** A valid hash of a random password, checked against when the username is unknown. */
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$' + Buffer.alloc(64).toString('base64');

import { RouterError, type RouterApi, type RouterRef, type Row } from '../network/index.js';
import { ACCOUNT_MENUS, accountComment, isTrue, type AccountKind, type DesiredAccount } from './desired-account.js';

/** The fields compared: asked for by `.proplist`, so a print of 2,000 secrets carries nothing else. */
export const ACCOUNT_FIELDS = ['.id', 'name', 'profile', 'disabled', 'comment', 'service'] as const;

/** The customer's password for the account: written when the account is made, and on it when `changed` (the router never shows it back to a write-only API user). */
export interface AccountPassword {
  value: string;
  changed: boolean;
}

/**
 * The account is not on the router and the console has no password for it: it is not made, because
 * a PPP secret without a password lets anyone who knows the name log in. A person gives the
 * password (the customer form, an import) and the change that saves it sends the account.
 */
export class PasswordMissing extends Error {
  readonly code = 'PASSWORD_MISSING';
  constructor(username: string) {
    super(`no password for "${username}": the account is not made without one`);
    this.name = 'PasswordMissing';
  }
}

/** What differs between an account on the router and the one wanted, as the values to set (empty: nothing). */
export function accountChanges(account: Row, want: DesiredAccount): Record<string, string> {
  const changes: Record<string, string> = {};
  if (account.name !== want.name) changes.name = want.name;
  if (!want.isolirInFlight && account.profile !== want.profile) changes.profile = want.profile;
  if (!want.isolirInFlight && isTrue(account.disabled) !== want.disabled) changes.disabled = String(want.disabled);
  // 'any' lets the secret log in on every PPP service, PPPoE among them: a technician's choice, left alone.
  if (want.kind === 'pppoe' && account.service !== undefined && account.service !== 'pppoe' && account.service !== 'any') changes.service = 'pppoe';
  return changes;
}

/** The plain words of a difference, for the drift log and the job's answer. */
export const describeChanges = (changes: Readonly<Record<string, string>>): string =>
  Object.entries(changes)
    .filter(([k]) => k !== 'password' && k !== 'comment')
    .map(([k, v]) => `${k}=${v}`)
    .join(', ');

/**
 * Makes one customer's account on a RouterOS router what the console says, by setting only what
 * differs, so running it twice (a retry after a lost reply, a burst of edits) changes nothing the
 * second time. The account is found by its name, or by our comment after a rename. When its profile
 * or its disabled flag changed, the live session is removed so the change takes effect now (PPPoE
 * and hotspot apply both only at the next login; the modem redials at once).
 */
export class AccountSync {
  constructor(private readonly api: RouterApi) {}

  /** Returns what the router has now, in technical words for the history; throws RouterError when the router did not confirm. */
  async sync(router: RouterRef, want: DesiredAccount, password: AccountPassword | null): Promise<string> {
    const menus = ACCOUNT_MENUS[want.kind];
    const [byName, byComment, sessions] = await Promise.all([
      this.api.print(router, menus.account, { name: want.name }, ACCOUNT_FIELDS),
      this.api.print(router, menus.account, { comment: want.comment }, ACCOUNT_FIELDS),
      this.api.print(router, menus.active, { [menus.activeName]: want.name }, ['.id']),
    ]);
    const account = byName[0] ?? byComment[0];
    // Ours under an earlier name beside the account in use (a rename onto a name that existed): only ours go.
    const stale = byComment.filter((row) => row['.id'] !== account?.['.id']);
    await Promise.all(stale.map((row) => this.api.remove(router, menus.account, row['.id'] ?? '')));
    if (!account) {
      if (!password) throw new PasswordMissing(want.name);
      await this.api.add(router, menus.account, {
        name: want.name,
        password: password.value,
        profile: want.profile,
        ...(want.kind === 'pppoe' ? { service: 'pppoe' } : {}),
        ...(want.disabled ? { disabled: 'true' } : {}),
        comment: want.comment,
      });
      return `added ${want.name} profile=${want.profile}${want.disabled ? ' disabled' : ''}`;
    }
    const changes = accountChanges(account, want);
    const effective = 'profile' in changes || 'disabled' in changes;
    if (password?.changed) changes.password = password.value;
    if (Object.keys(changes).length === 0) return 'unchanged';
    await this.api.set(router, menus.account, account['.id'] ?? want.name, { ...changes, comment: want.comment });
    const renamedFrom = changes.name === undefined ? null : (account.name ?? null);
    const kicked = effective || renamedFrom !== null ? await this.kick(router, want.kind, sessions, renamedFrom) : 0;
    const words = describeChanges(changes) || 'password';
    return `set ${words}${kicked > 0 ? `; ${kicked} session removed` : ''}`;
  }

  /** Removes the customer's account (ours only: the comment says so) and its session from a router they left; returns how many went. */
  async removeOurs(router: RouterRef, kind: AccountKind, customerId: string): Promise<number> {
    const menus = ACCOUNT_MENUS[kind];
    const ours = await this.api.print(router, menus.account, { comment: accountComment(customerId) }, ['.id', 'name']);
    await Promise.all(ours.map((row) => this.api.remove(router, menus.account, row['.id'] ?? '')));
    const sessions = await Promise.all(ours.map((row) => this.api.print(router, menus.active, { [menus.activeName]: row.name ?? '' }, ['.id'])));
    await Promise.all(sessions.flat().map((session) => this.removeSession(router, menus.active, session['.id'] ?? '')));
    return ours.length;
  }

  private async kick(router: RouterRef, kind: AccountKind, sessions: readonly Row[], renamedFrom: string | null): Promise<number> {
    const menus = ACCOUNT_MENUS[kind];
    const old = renamedFrom === null ? [] : await this.api.print(router, menus.active, { [menus.activeName]: renamedFrom }, ['.id']);
    const all = [...sessions, ...old];
    await Promise.all(all.map((session) => this.removeSession(router, menus.active, session['.id'] ?? '')));
    return all.length;
  }

  private async removeSession(router: RouterRef, menu: string, id: string): Promise<void> {
    try {
      await this.api.remove(router, menu, id);
    } catch (error) {
      // Gone already (the modem redialled between the print and the remove): that is what we wanted.
      if (!(error instanceof RouterError && error.code === 'COMMAND_FAILED')) throw error;
    }
  }
}

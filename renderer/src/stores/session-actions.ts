import type { CallResult } from '../../../shared/contract/errors.js';
import type { MethodInput, MethodOutput } from '../../../shared/contract/index.js';
import type { Locale } from '../../../shared/domain/user.js';
import { call, endSession } from '../api/client.js';
import { useLocale } from './locale-store.js';
import { saveSessionToken, useSession } from './session-store.js';
import { useTenant } from './tenant-store.js';

type Session = MethodOutput<'auth.login'>;

/** Decides the first screen: first-run, login, or straight into the app when the session survived a reload. */
export async function boot(): Promise<void> {
  useSession.setState({ phase: 'booting' });
  const status = await call('setup.status', {});
  if (!status.ok) {
    useSession.setState({ phase: 'unreachable', notice: status.error.message });
    return;
  }
  if (status.data.needsOwner) {
    useSession.setState({ phase: 'firstRun', notice: null });
    return;
  }
  if (useSession.getState().token) {
    const me = await call('auth.me', {});
    if (me.ok) {
      enterApp(me.data.user, me.data.tenant);
      return;
    }
  }
  useSession.setState({ phase: 'login' });
}

export async function login(input: MethodInput<'auth.login'>): Promise<CallResult<Session>> {
  const result = await call('auth.login', input);
  if (result.ok) startSession(result.data);
  return result;
}

export async function createOwner(input: MethodInput<'setup.createOwner'>): Promise<CallResult<Session>> {
  const result = await call('setup.createOwner', input);
  if (result.ok) startSession(result.data);
  return result;
}

export async function logout(): Promise<void> {
  await call('auth.logout', {});
  endSession(null);
}

/** Switches the screens at once; when signed in the account remembers it too. */
export async function changeLocale(locale: Locale): Promise<void> {
  useLocale.getState().setLocale(locale, true);
  if (useSession.getState().phase !== 'app') return;
  const result = await call('auth.setLocale', { locale });
  if (result.ok) useSession.setState({ user: result.data });
}

function startSession(session: Session): void {
  saveSessionToken(session.token);
  enterApp(session.user, session.tenant);
}

function enterApp(user: Session['user'], tenant: Session['tenant']): void {
  useTenant.setState({ tenant });
  useSession.setState({ phase: 'app', user, notice: null });
  // A language picked on this computer wins; otherwise the account's own language is used.
  const { locale, chosen } = useLocale.getState();
  if (!chosen) useLocale.getState().setLocale(user.locale, false);
  else if (user.locale !== locale) void changeLocale(locale);
}

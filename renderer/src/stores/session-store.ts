import { create } from 'zustand';
import type { User } from '../../../shared/domain/user.js';

const KEY = 'rrnet.session';

export type Phase = 'booting' | 'unreachable' | 'firstRun' | 'login' | 'app';

interface SessionState {
  phase: Phase;
  /** Kept in sessionStorage: a reload keeps you signed in, closing the window does not. */
  token: string | null;
  user: User | null;
  /** Shown on the login screen, e.g. why the session ended. */
  notice: string | null;
}

export const useSession = create<SessionState>(() => ({
  phase: 'booting',
  token: window.sessionStorage.getItem(KEY),
  user: null,
  notice: null,
}));

export function saveSessionToken(token: string | null): void {
  if (token) window.sessionStorage.setItem(KEY, token);
  else window.sessionStorage.removeItem(KEY);
  useSession.setState({ token });
}

import { create } from 'zustand';
import type { AppError } from '../../../shared/contract/errors.js';
import type { MethodOutput } from '../../../shared/contract/index.js';
import { call } from '../api/client.js';
import { registerReset } from './reset.js';

const PAGE = 50;
/** The server's page cap; a refresh reloads everything shown, up to this many rows. */
const MAX_PAGE = 200;

export type WaMessage = MethodOutput<'wa.logs.list'>['items'][number];
export type WaMessageStatus = WaMessage['status'];

export interface WaLogFilters {
  status: WaMessageStatus | null;
  number: string;
  event: string | null;
  /** ISO instants: the screen turns the picked days (tenant's zone) into these. */
  from: string | null;
  to: string | null;
}

interface WaLogsState extends WaLogFilters {
  items: WaMessage[];
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: AppError | null;
}

const empty = { items: [], nextCursor: null, loading: false, loaded: false, error: null };
const noFilters: WaLogFilters = { status: null, number: '', event: null, from: null, to: null };

export const useWaLogs = create<WaLogsState>(() => ({ ...noFilters, ...empty }));

// Status changes arrive in bursts; only the newest answer may land on screen.
let latest = 0;
registerReset(() => {
  latest++;
  useWaLogs.setState({ ...noFilters, ...empty });
});

async function fetchPage(cursor: string | null, limit: number, append: boolean): Promise<void> {
  const mine = ++latest;
  const { status, number, event, from, to } = useWaLogs.getState();
  useWaLogs.setState({ loading: true });
  const result = await call('wa.logs.list', { status, number, event, from, to, cursor, limit });
  if (mine !== latest) return;
  if (!result.ok) {
    useWaLogs.setState({ loading: false, error: result.error });
    return;
  }
  const { items, nextCursor } = result.data;
  useWaLogs.setState((state) => ({
    items: append ? [...state.items, ...items] : items,
    nextCursor,
    loading: false,
    loaded: true,
    error: null,
  }));
}

export function setWaLogFilters(patch: Partial<WaLogFilters>): Promise<void> {
  useWaLogs.setState(patch);
  return fetchPage(null, PAGE, false);
}

export function loadWaLogs(): Promise<void> {
  return fetchPage(null, PAGE, false);
}

/** Keyset paging: the next page starts after the last row the server sent. */
export function loadMoreWaLogs(): Promise<void> {
  const { nextCursor, loading } = useWaLogs.getState();
  if (!nextCursor || loading) return Promise.resolve();
  return fetchPage(nextCursor, PAGE, true);
}

export async function refreshWaLogs(): Promise<void> {
  const { loaded, items } = useWaLogs.getState();
  if (!loaded) return;
  await fetchPage(null, Math.min(MAX_PAGE, Math.max(PAGE, items.length)), false);
}

import { create } from 'zustand';
import type { AppError } from '../../../shared/contract/errors.js';
import type { Customer, CustomerStatus } from '../../../shared/domain/customer.js';
import { call } from '../api/client.js';
import { registerReset } from './reset.js';

const PAGE = 50;
/** The server's page cap; a refresh reloads everything shown, up to this many rows. */
const MAX_PAGE = 200;

export interface CustomerFilters {
  query: string;
  status: CustomerStatus | null;
  packageId: string | null;
}

interface CustomersState extends CustomerFilters {
  items: Customer[];
  total: number;
  nextCursor: string | null;
  loading: boolean;
  loaded: boolean;
  error: AppError | null;
}

const empty = { items: [], total: 0, nextCursor: null, loading: false, loaded: false, error: null };
const noFilters: CustomerFilters = { query: '', status: null, packageId: null };

export const useCustomers = create<CustomersState>(() => ({ ...noFilters, ...empty }));

// Typing fast sends several searches; only the newest answer may land on screen.
let latest = 0;
registerReset(() => {
  latest++;
  useCustomers.setState({ ...noFilters, ...empty });
});

async function fetchPage(cursor: string | null, limit: number, append: boolean): Promise<void> {
  const mine = ++latest;
  const { query, status, packageId } = useCustomers.getState();
  useCustomers.setState({ loading: true });
  const result = await call('customers.list', { query, status, packageId, cursor, limit });
  if (mine !== latest) return;
  if (!result.ok) {
    useCustomers.setState({ loading: false, error: result.error });
    return;
  }
  const { items, nextCursor, total } = result.data;
  useCustomers.setState((state) => ({
    items: append ? [...state.items, ...items] : items,
    nextCursor,
    total,
    loading: false,
    loaded: true,
    error: null,
  }));
}

export function setCustomerFilters(patch: Partial<CustomerFilters>): Promise<void> {
  useCustomers.setState(patch);
  return fetchPage(null, PAGE, false);
}

export function loadCustomers(): Promise<void> {
  return fetchPage(null, PAGE, false);
}

/** Keyset paging: the next page starts after the last row the server sent. */
export function loadMoreCustomers(): Promise<void> {
  const { nextCursor, loading } = useCustomers.getState();
  if (!nextCursor || loading) return Promise.resolve();
  return fetchPage(nextCursor, PAGE, true);
}

export async function refreshCustomers(): Promise<void> {
  const { loaded, items } = useCustomers.getState();
  if (!loaded) return;
  await fetchPage(null, Math.min(MAX_PAGE, Math.max(PAGE, items.length)), false);
}

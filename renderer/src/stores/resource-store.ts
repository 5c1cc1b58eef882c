import { create, type StoreApi, type UseBoundStore } from 'zustand';
import type { AppError, CallResult } from '../../../shared/contract/errors.js';
import { registerReset } from './reset.js';

export interface ResourceState<T> {
  data: T | null;
  error: AppError | null;
  loading: boolean;
  load(): Promise<void>;
  /** Reloads only what a screen already showed, so events do not fetch data nobody looks at. */
  refresh(): Promise<void>;
}

/** A piece of server data one call fetches whole (packages, routers, users, the dashboard). */
export function createResource<T>(fetch: () => Promise<CallResult<T>>): UseBoundStore<StoreApi<ResourceState<T>>> {
  let latest = 0;
  const store = create<ResourceState<T>>((set, get) => ({
    data: null,
    error: null,
    loading: false,
    async load() {
      const mine = ++latest;
      set({ loading: true });
      const result = await fetch();
      if (mine !== latest) return;
      set(result.ok ? { data: result.data, error: null, loading: false } : { error: result.error, loading: false });
    },
    async refresh() {
      if (get().data !== null) await get().load();
    },
  }));
  registerReset(() => {
    latest++;
    store.setState({ data: null, error: null, loading: false });
  });
  return store;
}

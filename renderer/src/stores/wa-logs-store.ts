import { create } from 'zustand';
import type { MethodOutput } from '../../../shared/contract/index.js';
import { registerReset } from './reset.js';

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

interface WaLogFiltersState extends WaLogFilters {
  setFilters(patch: Partial<WaLogFilters>): void;
}

const none: WaLogFilters = { status: null, number: '', event: null, from: null, to: null };

/** UI state: the log's filters survive switching tabs; the messages themselves are a query. */
export const useWaLogFilters = create<WaLogFiltersState>((set) => ({ ...none, setFilters: (patch) => set(patch) }));
registerReset(() => useWaLogFilters.setState(none));

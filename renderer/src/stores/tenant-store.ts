import { create } from 'zustand';
import type { Tenant } from '../../../shared/domain/tenant.js';
import { call } from '../api/client.js';
import { registerReset } from './reset.js';

interface TenantState {
  tenant: Tenant | null;
}

export const useTenant = create<TenantState>(() => ({ tenant: null }));
registerReset(() => useTenant.setState({ tenant: null }));

export async function refreshTenant(): Promise<void> {
  const result = await call('tenant.get', {});
  if (result.ok) useTenant.setState({ tenant: result.data });
}

/** The SaaS lock: while the subscription is unpaid the core refuses writes, so the screens disable them. */
export function useLocked(): boolean {
  return useTenant((s) => s.tenant?.status === 'isolated');
}

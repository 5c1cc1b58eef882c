import type { DomainEvent } from '../../../shared/contract/events.js';
import { call, subscribeEvents, transport } from '../api/client.js';
import { reloadCustomer, useCustomerDetail } from './customer-detail-store.js';
import { refreshCustomers } from './customers-store.js';
import { useDashboard, usePackages, useUsers } from './data-stores.js';
import { useSession } from './session-store.js';
import { refreshTenant } from './tenant-store.js';
import { refreshWaLogs } from './wa-logs-store.js';
import { refreshWaActivity, refreshWaEverything, useWaSession } from './wa-stores.js';

/**
 * Keeps the screens true to the core: a change made in another window, by another user or by a
 * background job arrives as a domain event and reloads whatever shows the changed data.
 */
export function connectEvents(): () => void {
  const unsubscribe = subscribeEvents(handle);
  const unReconnect = transport.onReconnect?.(refreshEverything);
  return () => {
    unsubscribe();
    unReconnect?.();
  };
}

function handle(event: DomainEvent): void {
  switch (event.name) {
    case 'core_restarted':
      refreshEverything();
      return;
    case 'customer_created':
    case 'customer_updated':
    case 'customer_deactivated':
    case 'customer_reactivated':
      void refreshCustomers();
      void useDashboard.getState().refresh();
      void usePackages.getState().refresh();
      if ('customerId' in event.payload) void reloadCustomer(event.payload.customerId);
      return;
    case 'package_changed':
      void usePackages.getState().refresh();
      void refreshCustomers();
      void useDashboard.getState().refresh();
      return;
    case 'tenant_updated':
      void refreshTenant();
      return;
    case 'wa_session_changed':
      void useWaSession.getState().refresh();
      return;
    case 'wa_activity':
      void refreshWaLogs();
      refreshWaActivity();
      return;
    case 'user_changed':
      void useUsers.getState().refresh();
      if ('userId' in event.payload && event.payload.userId === useSession.getState().user?.id) void refreshMe();
      return;
  }
}

async function refreshMe(): Promise<void> {
  const me = await call('auth.me', {});
  if (me.ok) useSession.setState({ user: me.data.user });
}

function refreshEverything(): void {
  void refreshTenant();
  void refreshMe();
  void refreshCustomers();
  void useDashboard.getState().refresh();
  void usePackages.getState().refresh();
  void useUsers.getState().refresh();
  void refreshWaLogs();
  refreshWaEverything();
  const open = useCustomerDetail.getState().openId;
  if (open) void reloadCustomer(open);
}

import type { DomainEvent } from '../../../shared/contract/events.js';
import type { MethodName } from '../../../shared/contract/index.js';
import { call, subscribeEvents, transport } from '../api/client.js';
import { createCoalescedInvalidator } from '../query/coalesced-invalidator.js';
import { STALE_AFTER } from '../query/event-queries.js';
import { queryClient } from '../query/query-client.js';
import { useSession } from './session-store.js';
import { refreshTenant } from './tenant-store.js';

/** Everything: after a reconnect or a core restart events may have been missed. */
const ALL = '*';

/**
 * Keeps the screens true to the core: a change made in another window, by another user or by a
 * background job arrives as a domain event and marks the queries showing that data stale. Only
 * queries on screen refetch (the others refetch when shown again), at most once a second each.
 */
export function connectEvents(): () => void {
  const invalidator = createCoalescedInvalidator(flush, { now: () => performance.now(), setTimeout: (run, ms) => window.setTimeout(run, ms) });
  const unsubscribe = subscribeEvents((event: DomainEvent) => {
    invalidator.invalidate(...(event.name === 'core_restarted' ? [ALL] : STALE_AFTER[event.name]));
  });
  const unReconnect = transport.onReconnect?.(() => invalidator.invalidate(ALL));
  return () => {
    unsubscribe();
    unReconnect?.();
  };
}

function flush(keys: readonly string[]): void {
  const all = keys.includes(ALL);
  // The tenant and the signed-in user live in zustand (the shell and permissions read them synchronously).
  if (all || keys.includes('tenant.get' satisfies MethodName)) void refreshTenant();
  if (all || keys.includes('auth.me' satisfies MethodName)) void refreshMe();
  if (all) {
    void queryClient.invalidateQueries({ refetchType: 'active' });
    return;
  }
  for (const key of keys) void queryClient.invalidateQueries({ queryKey: [key], refetchType: 'active' });
}

async function refreshMe(): Promise<void> {
  const me = await call('auth.me', {});
  if (me.ok) useSession.setState({ user: me.data.user });
}

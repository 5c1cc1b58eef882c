import type { Core } from '../../main/core/index.js';
import type { MessageRow } from '../../main/wa/message-store.js';
import { contract, type MethodInput } from '../../shared/contract/index.js';
import { createOwner, ok, type OwnerSession } from './core-fixture.js';
import { createPackage, customerInput } from './customers.js';

/** The owner of a tenant that has WhatsApp: basic plan plus the add-on. */
export async function whatsappOwner(core: Core): Promise<OwnerSession> {
  const owner = await createOwner(core);
  core.services.tenants.applySubscription(owner.tenantId, { plan: 'basic', addons: [{ code: 'whatsapp', units: 1 }], status: 'active' });
  return owner;
}

/** WhatsApp settings through the contract, as the settings screen saves them. */
export function waSettings(core: Core, owner: OwnerSession, patch: MethodInput<'wa.settings.update'>) {
  return ok(core, 'wa.settings.update', patch, owner.token);
}

/** Fonnte as the provider, pointed at a local Fonnte server; no quiet hours unless the test sets them. */
export function useFonnte(core: Core, owner: OwnerSession, url: string, extra: MethodInput<'wa.settings.update'> = {}) {
  return waSettings(core, owner, { provider: 'fonnte', fonnteToken: 'test-device-token', fonnteBaseUrl: url, quietHours: null, ...extra });
}

/**
 * n active customers with distinct numbers (0812 0000 0000 + i), made through the service in one
 * transaction: a broadcast needs people, not a tour of the customers screen.
 */
export async function seedCustomers(core: Core, owner: OwnerSession, n: number, first = 0): Promise<{ id: string; phone: string }[]> {
  const packageId = await createPackage(core, owner.token);
  return core.db.transaction(() =>
    Array.from({ length: n }, (_, i) => {
      const input = contract['customers.create'].input.parse(customerInput(packageId, first + i));
      const customer = core.services.customers.create(owner.tenantId, input);
      return { id: customer.id, phone: customer.phone };
    }),
  )();
}

export function messageRows(core: Core, where = '1 = 1', ...params: (string | number)[]): MessageRow[] {
  return core.db.prepare(`SELECT * FROM wa_messages WHERE ${where} ORDER BY id`).all(...params) as MessageRow[];
}

/** What a test queues: a realistic trigger for the test_message template, unique per entity. */
export function testTrigger(to: string, entityId: string, event = 'invoice_paid') {
  return {
    event,
    templateKey: 'test_message' as const,
    to,
    variables: { isp_name: 'Net Kampung Sejahtera' },
    entityType: 'invoice',
    entityId,
  };
}

/** Most events in any window [t, t + windowMs) that starts at an event (where the maximum always is). */
export function maxInAnyWindow(times: readonly number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let end = 0;
  for (let start = 0; start < sorted.length; start++) {
    while (end < sorted.length && (sorted[end] as number) < (sorted[start] as number) + windowMs) end++;
    best = Math.max(best, end - start);
  }
  return best;
}

/** How many times each key occurs. */
export function tally<T>(items: readonly T[]): Map<T, number> {
  const counts = new Map<T, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

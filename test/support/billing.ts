import type { Core } from '../../main/core/index.js';
import type { TimeZone } from '../../shared/util/time.js';
import { ZONE_OFFSET_MINUTES } from '../../shared/util/time.js';
import { createOwner, ok, type OwnerSession } from './core-fixture.js';
import { createPackage } from './customers.js';

/** The instant a local wall-clock time in a zone is: local(2026, 11, 30, 23, 59, 'Asia/Jayapura'). */
export function localTime(zone: TimeZone, year: number, month: number, day: number, hour: number, minute: number): number {
  return Date.UTC(year, month - 1, day, hour, minute) - ZONE_OFFSET_MINUTES[zone] * 60_000;
}

/** An owner on a pro tenant in `zone`, with one package: where a billing test starts. */
export async function billingTenant(core: Core, zone: TimeZone = 'Asia/Jakarta', price = 150_000): Promise<OwnerSession & { packageId: string }> {
  const owner = await createOwner(core);
  core.services.tenants.applySubscription(owner.tenantId, { plan: 'pro', addons: [], status: 'active' });
  await ok(core, 'tenant.update', { timezone: zone }, owner.token);
  const packageId = await createPackage(core, owner.token, 'Hemat 10 Mbps', price);
  return { ...owner, packageId };
}

/**
 * Customers written in one transaction through the customers service (as an import does, no
 * event per row): 50,000 in seconds, for the generation's scale tests and the bench.
 */
export function seedCustomers(
  core: Core,
  tenantId: string,
  packageId: string,
  count: number,
  options: { billingDay?: (i: number) => number; routerId?: string | null; prefix?: string } = {},
): string[] {
  const ids: string[] = [];
  const prefix = options.prefix ?? 'p';
  core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      ids.push(
        core.services.customers.insertImported(tenantId, {
          name: `Pelanggan ${prefix}${i}`,
          phone: `+62812${String(10_000_000 + i).slice(-8)}`,
          address: '',
          latitude: null,
          longitude: null,
          packageId,
          routerId: options.routerId ?? null,
          serviceType: 'pppoe',
          username: `${prefix}${i}`,
          billingDay: options.billingDay ? options.billingDay(i) : 1 + (i % 28),
          notes: '',
          status: 'active',
          sealedPassword: null,
        }),
      );
    }
  })();
  return ids;
}

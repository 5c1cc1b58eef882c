import type { Core } from '../../main/core/index.js';
import type { MethodInput } from '../../shared/contract/index.js';
import { ok } from './core-fixture.js';

/** A package for customers to be on. */
export async function createPackage(core: Core, token: string, name = 'Hemat 10 Mbps', price = 150_000): Promise<string> {
  return (await ok(core, 'packages.create', { name, price, routerProfile: 'hemat-10m', rateLimit: '10M/10M' }, token)).id;
}

/** A valid customers.create input; n keeps phone and username unique. */
export function customerInput(packageId: string, n: number, overrides: Partial<MethodInput<'customers.create'>> = {}): MethodInput<'customers.create'> {
  return {
    name: `Pelanggan ${n}`,
    phone: `0812${String(10_000_000 + n).slice(-8)}`,
    packageId,
    username: `pelanggan.${n}`,
    billingDay: 1 + (n % 28),
    ...overrides,
  };
}

type ServiceInput = Parameters<Core['services']['customers']['create']>[1];

/**
 * A customer made straight through the customers service (an e2e test's office before the
 * browser opens): what a test leaves out is what most customers have — no map position, PPPoE,
 * no notes.
 */
export function seedCustomer(core: Core, tenantId: string, input: Omit<ServiceInput, 'latitude' | 'longitude' | 'serviceType' | 'notes'> & Partial<ServiceInput>) {
  return core.services.customers.create(tenantId, { latitude: null, longitude: null, serviceType: 'pppoe', notes: '', ...input });
}

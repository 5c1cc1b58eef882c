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

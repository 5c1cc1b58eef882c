import type { CoreOptions } from '../main/core/index.js';
import type { Clock } from '../main/platform/index.js';
import { call, createBenchCore, type BenchCore } from './bench-core.js';

/** A clock that runs in real time but can be moved ahead: "the broadcast's scheduled time has come". */
export interface ShiftableClock extends Clock {
  shift(ms: number): void;
}

export function shiftableClock(): ShiftableClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    shift(ms) {
      offset += ms;
    },
  };
}

export type WaBenchCore = BenchCore;

/** A fresh core in a temp folder with a pro tenant that has WhatsApp, no quiet hours, and the given wa options. */
export async function createWaBenchCore(options: { clock?: Clock; wa?: CoreOptions['wa'] } = {}): Promise<WaBenchCore> {
  const bench = await createBenchCore('wa', options);
  await call(bench.core, bench.session, 'wa.settings.update', { quietHours: null });
  return bench;
}

/** `count` active customers on a new package, distinct numbers from `firstNumber`; returns the package id. */
export async function seedRecipients(bench: WaBenchCore, count: number, firstNumber: number, packageName: string): Promise<string> {
  const pkg = await call<{ id: string }>(bench.core, bench.session, 'packages.create', { name: packageName, price: 150_000, routerProfile: 'bench', rateLimit: '10M/10M' });
  bench.core.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const n = firstNumber + i;
      bench.core.services.customers.create(bench.tenantId, {
        name: `Pelanggan ${n}`,
        phone: `+62812${String(n).padStart(8, '0')}`,
        packageId: pkg.id,
        username: `bench.${n}`,
        billingDay: 1 + (n % 28),
        address: '',
        latitude: null,
        longitude: null,
        routerId: null,
        serviceType: 'pppoe',
        notes: '',
      });
    }
  })();
  await bench.core.bus.drain();
  return pkg.id;
}

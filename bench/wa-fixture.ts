import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile } from '../main/secrets/index.js';
import type { Clock } from '../main/platform/index.js';

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

export interface WaBenchCore {
  core: Core;
  session: string;
  tenantId: string;
  close(): Promise<void>;
}

/** A fresh core in a temp folder with a pro tenant that has WhatsApp, no quiet hours, and the given wa options. */
export async function createWaBenchCore(options: { clock?: Clock; wa?: CoreOptions['wa'] } = {}): Promise<WaBenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'rrnet-wa-bench-'));
  const core = createCore({ dataDir, secrets: createSecretBox(loadOrCreateKeyFile(dataDir)), ...options });
  const owner = await call<{ token: string; tenant: { id: string } }>(core, null, 'setup.createOwner', {
    tenantName: 'Bench Net',
    timezone: 'Asia/Jakarta',
    username: 'bench',
    displayName: 'Bench',
    password: 'bench-password',
  });
  core.services.tenants.applySubscription(owner.tenant.id, { plan: 'pro', addons: [], status: 'active' });
  await call(core, owner.token, 'wa.settings.update', { quietHours: null });
  return {
    core,
    session: owner.token,
    tenantId: owner.tenant.id,
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function call<T = unknown>(core: Core, session: string | null, method: string, input: unknown): Promise<T> {
  const result = await core.call(method, input, { session, locale: 'id' });
  if (!result.ok) throw new Error(`${method}: ${JSON.stringify(result.error)}`);
  return result.data as T;
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

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core, type CoreOptions } from '../main/core/index.js';
import { createSecretBox, loadOrCreateKeyFile, type SecretBox } from '../main/secrets/index.js';

/** A core of its own in a temp folder, with its owner signed in on a pro tenant (every limit and feature): where a bench section starts. */
export interface BenchCore {
  core: Core;
  session: string;
  tenantId: string;
  /** The core's own box, for a bench that writes sealed values straight into the database. */
  secrets: SecretBox;
  /** Closes the core and removes its folder. */
  close(): Promise<void>;
}

export async function createBenchCore(name: string, options: Omit<CoreOptions, 'dataDir' | 'secrets'> = {}): Promise<BenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), `rrnet-${name}-bench-`));
  const secrets = createSecretBox(loadOrCreateKeyFile(dataDir));
  const core = createCore({ dataDir, secrets, ...options });
  const owner = await call<{ token: string; tenant: { id: string } }>(core, null, 'setup.createOwner', {
    tenantName: 'Bench Net',
    timezone: 'Asia/Jakarta',
    username: 'bench',
    displayName: 'Bench',
    password: 'bench-password',
  });
  core.services.tenants.applySubscription(owner.tenant.id, { plan: 'pro', addons: [], status: 'active' });
  return {
    core,
    session: owner.token,
    tenantId: owner.tenant.id,
    secrets,
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

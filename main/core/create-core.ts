import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase, migrate, migrations, WriteBatcher, type Db } from '../db/index.js';
import { EventBus } from '../bus/index.js';
import { JobQueue, Scheduler } from '../jobs/index.js';
import { AccountsService } from '../accounts/index.js';
import { TenantService, UsageRegistry } from '../tenant/index.js';
import { CustomersService, PackagesService } from '../customers/index.js';
import { RoutersService } from '../network/index.js';
import { TopologyService } from '../maps/index.js';
import { DemoSeeder } from '../demo/index.js';
import { createWaModule, type SendLimiter, type ProviderRegistryOptions } from '../wa/index.js';
import { Dispatcher, createHandlers, type CallMeta, type Services } from '../api/index.js';
import { registerRetention } from './retention.js';
import type { SecretBox } from '../secrets/index.js';
import { silentLogger, systemClock, ulidGenerator, type Clock, type IdGenerator, type Logger } from '../platform/index.js';
import type { CallResult } from '../../shared/contract/errors.js';
import type { DomainEvent } from '../../shared/contract/events.js';

export interface CoreOptions {
  /** Where the SQLite file lives (the user-data folder on the desktop). */
  dataDir: string;
  secrets: SecretBox;
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  wa?: Omit<ProviderRegistryOptions, 'dataDir'> & { limiter?: SendLimiter; concurrency?: number };
}

export interface Core {
  /** The contract's single entry point, shared by IPC, web mode and tests. */
  call(method: unknown, input: unknown, meta?: CallMeta): Promise<CallResult<unknown>>;
  /** Domain events after they commit, for pushing to connected screens. */
  onEvent(listener: (event: DomainEvent) => void): () => void;
  /** Which tenant a session belongs to, or null: lets a transport filter pushed events. */
  sessionTenant(token: string): string | null;
  readonly services: Services & { topology: TopologyService };
  readonly bus: EventBus;
  readonly jobs: JobQueue;
  readonly scheduler: Scheduler;
  readonly db: Db;
  close(): Promise<void>;
}

/** The composition root: opens the database, wires every module, starts the workers. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? ulidGenerator(clock);
  const log = options.log ?? silentLogger;
  mkdirSync(options.dataDir, { recursive: true });
  const db = openDatabase(join(options.dataDir, 'rrnet.sqlite'));
  try {
    migrate(db, migrations);
  } catch (err) {
    db.close();
    throw err;
  }
  // Fresh statistics let SQLite drive a rare search term from the text index instead of walking
  // every name; cheap when nothing changed (SQLite decides per table).
  db.pragma('optimize=0x10002');

  const bus = new EventBus(db, clock, log);
  // One batcher for the send path: a message's 'sent' and its job's 'done' land in the same commit.
  const writes = new WriteBatcher(db);
  const jobs = new JobQueue(db, clock, ids, log, writes);
  const usage = new UsageRegistry();
  const tenants = new TenantService(db, bus, clock, ids, usage);
  const accounts = new AccountsService(db, bus, clock, ids, tenants);
  const routers = new RoutersService(db, clock, ids, options.secrets);
  const packages = new PackagesService(db, bus, clock, ids);
  const customers = new CustomersService(db, bus, clock, ids, packages, (t, r) => routers.exists(t, r));
  const topology = new TopologyService(db, clock, ids);
  const demo = new DemoSeeder(db, tenants, packages, customers, routers, topology);
  const scheduler = new Scheduler(db, jobs, clock, log, () => tenants.zones());

  usage.register('maxCustomers', (t) => customers.countBillable(t));
  usage.register('maxUsers', (t) => accounts.count(t));
  usage.register('maxRouters', (t) => routers.count(t));
  usage.register('maxOdp', (t) => topology.counts(t).odps);

  const wa = createWaModule({
    db,
    writes,
    bus,
    jobs,
    scheduler,
    clock,
    ids,
    log,
    secrets: options.secrets,
    tenants,
    customers,
    topology,
    providers: { ...options.wa, dataDir: options.dataDir },
    ...(options.wa?.limiter ? { limiter: options.wa.limiter } : {}),
    ...(options.wa?.concurrency ? { concurrency: options.wa.concurrency } : {}),
  });

  const deadLetters = { list: (t: string) => bus.deadLetters.list(t), retry: (t: string, id: number) => bus.retryDeadLetter(t, id) };
  const services = { accounts, tenants, packages, customers, routers, demo, topology, wa, deadLetters };
  const dispatcher = new Dispatcher(createHandlers(services), accounts, tenants, log);

  const listeners = new Set<(event: DomainEvent) => void>();
  bus.subscribe(
    'ui-push',
    (event) => {
      for (const listener of listeners) listener(event);
    },
    { durable: false },
  );
  registerRetention({ db, bus, jobs, scheduler, clock, accounts, wa });
  jobs.start();
  scheduler.start();

  return {
    call: (method, input, meta) => dispatcher.call(method, input, meta),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sessionTenant: (token) => accounts.caller(token)?.tenantId ?? null,
    services,
    bus,
    jobs,
    scheduler,
    db,
    async close() {
      scheduler.stop();
      await jobs.stop();
      await wa.close();
      await bus.drain();
      bus.close();
      db.close();
    },
  };
}

import { join } from 'node:path';
import { openDatabase, migrate, migrations, WriteBatcher, type Db } from '../db/index.js';
import { EventBus } from '../bus/index.js';
import { JobQueue, Scheduler, type ScheduledTenant } from '../jobs/index.js';
import { UsageRegistry, type Handlers } from '../module-kit/index.js';
import { accountsModule } from '../accounts/index.js';
import { tenantModule } from '../tenant/index.js';
import { customersModule } from '../customers/index.js';
import { networkModule, type RouterProbe } from '../network/index.js';
import { mapsModule } from '../maps/index.js';
import { templatesModule } from '../templates/index.js';
import { demoModule } from '../demo/index.js';
import { setupModule } from '../setup/index.js';
import { systemModule } from '../system/index.js';
import { waModule, type WaOptions } from '../wa/index.js';
import { isolirModule, type IsolirOptions } from '../isolir/index.js';
import { provisioningModule } from '../provisioning/index.js';
import { sessionsModule } from '../sessions/index.js';
import { billingModule } from '../billing/index.js';
import { Dispatcher, type CallMeta } from '../api/index.js';
import type { SecretBox } from '../secrets/index.js';
import { makePrivateDir, silentLogger, systemClock, ulidGenerator, type Clock, type IdGenerator, type Logger } from '../platform/index.js';
import type { CallResult } from '../../shared/contract/errors.js';
import type { DomainEvent } from '../../shared/contract/events.js';
import { composeModules } from './compose-modules.js';

export interface CoreOptions {
  /** Where the SQLite file lives (the user-data folder on the desktop). */
  dataDir: string;
  secrets: SecretBox;
  clock?: Clock;
  ids?: IdGenerator;
  log?: Logger;
  wa?: WaOptions;
  isolir?: IsolirOptions;
  /** "Tes koneksi" and health: the RouterOS API unless a test brings its own. */
  routerProbe?: RouterProbe;
  /**
   * The recovery path for an owner the sign-in throttle holds back (`--unlock-login` on the desktop
   * app or `npm run web`): whoever can start the app as this OS user can read its database anyway.
   */
  unlockLogin?: boolean;
}

/**
 * The modules, in the order they are composed: each may use what the ones above it provide (the
 * compiler checks). A new module is one line here plus its folder (see main/README.md).
 */
export const coreModules = (wa: WaOptions = {}, isolir: IsolirOptions = {}, routerProbe?: RouterProbe) =>
  [
    tenantModule,
    accountsModule,
    networkModule(routerProbe ? { probe: routerProbe } : {}),
    templatesModule,
    waModule(wa),
    customersModule,
    isolirModule(isolir),
    provisioningModule,
    sessionsModule,
    billingModule,
    mapsModule,
    demoModule,
    setupModule,
    systemModule,
  ] as const;


type Modules = ReturnType<typeof composeModules<ReturnType<typeof coreModules>>>;

export interface Core {
  /** The contract's single entry point, shared by IPC, web mode and tests. */
  call(method: unknown, input: unknown, meta?: CallMeta): Promise<CallResult<unknown>>;
  /** Domain events after they commit, for pushing to connected screens. */
  onEvent(listener: (event: DomainEvent) => void): () => void;
  /** Which tenant a session belongs to, or null: lets a transport filter pushed events. */
  sessionTenant(token: string): string | null;
  /** Whether a session still lets its user in, without counting as activity (a pushed-events channel asks). */
  sessionOpen(token: string): boolean;
  /** Some of a user's sessions just ended (logout, deactivation, changed password): channels opened with them close. */
  onSessionsEnded(listener: () => void): () => void;
  /** Every module's services, by name (tests, the bench, the web mode's first-run helper). */
  readonly services: Modules['services'];
  /** Every contract method's handler, as the modules declared them (a test builds its own dispatcher on them). */
  readonly handlers: Handlers;
  readonly bus: EventBus;
  readonly jobs: JobQueue;
  readonly scheduler: Scheduler;
  readonly db: Db;
  close(): Promise<void>;
}

/** The composition root: opens the database, composes the modules, starts the workers. */
export function createCore(options: CoreOptions): Core {
  const clock = options.clock ?? systemClock;
  const ids = options.ids ?? ulidGenerator(clock);
  const log = options.log ?? silentLogger;
  makePrivateDir(options.dataDir);
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
  const writes = new WriteBatcher(db);
  const jobs = new JobQueue(db, clock, ids, log, writes);
  // The scheduler sits below tenancy: it asks the tenant module for the zones only when it ticks.
  const scheduler: Scheduler = new Scheduler(db, jobs, clock, log, (): readonly ScheduledTenant[] => modules.services.tenants.zones());
  const infra = { db, writes, bus, jobs, scheduler, clock, ids, log, secrets: options.secrets, dataDir: options.dataDir, usage: new UsageRegistry() };
  const modules = composeModules(coreModules(options.wa, options.isolir, options.routerProbe), infra);
  const { services } = modules;
  // Every contract method has exactly one module's handler: a method no module handles fails to compile here.
  const handlers: Handlers = modules.handlers;
  const dispatcher = new Dispatcher(handlers, services.accounts, services.tenants, log);
  if (options.unlockLogin) log.info('sign-in delays cleared (--unlock-login)', { counters: services.accounts.throttle.forgiveAll() });

  const listeners = new Set<(event: DomainEvent) => void>();
  bus.subscribe(
    'ui-push',
    (event) => {
      for (const listener of listeners) listener(event);
    },
    { durable: false },
  );
  jobs.start();
  scheduler.start();
  modules.start();

  return {
    call: (method, input, meta) => dispatcher.call(method, input, meta),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    sessionTenant: (token) => services.accounts.caller(token)?.tenantId ?? null,
    sessionOpen: (token) => services.accounts.isSignedIn(token),
    onSessionsEnded: (listener) => services.accounts.sessions.onEnded(listener),
    services,
    handlers,
    bus,
    jobs,
    scheduler,
    db,
    async close() {
      scheduler.stop();
      await jobs.stop();
      await modules.close();
      await bus.drain();
      bus.close();
      db.close();
    },
  };
}

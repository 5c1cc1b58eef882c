import type { Db, WriteBatcher } from '../db/index.js';
import type { EventBus, EventHandler } from '../bus/index.js';
import type { JobHandler, JobQueue, JobTypeOptions, ScheduleDef, Scheduler, WorkLane } from '../jobs/index.js';
import type { Clock, IdGenerator, Logger } from '../platform/index.js';
import type { SecretBox } from '../secrets/index.js';
import type { MethodName } from '../../shared/contract/index.js';
import type { LimitKey } from '../../shared/domain/plans.js';
import type { Handlers } from './handlers.js';
import type { UsageRegistry } from './usage-registry.js';

/** What every module is given: the kernel and the infrastructure, never another module's inside. */
export interface CoreInfra {
  db: Db;
  /** One batcher for the send path: the 'sending' and 'sent' marks of the messages in flight share commits. */
  writes: WriteBatcher;
  bus: EventBus;
  jobs: JobQueue;
  /** Recurring work ("every N minutes", "daily at HH:MM in each tenant's zone") as durable jobs. */
  scheduler: Scheduler;
  clock: Clock;
  ids: IdGenerator;
  log: Logger;
  secrets: SecretBox;
  /** The user-data folder (a module keeps its files under it, e.g. the WhatsApp Web session). */
  dataDir: string;
  /** The counters modules declare (`usage` below), read by the tenant module for plan limits. */
  usage: UsageRegistry;
}

export interface JobTypeDef {
  type: string;
  handler: JobHandler;
  options?: JobTypeOptions;
}

export interface SubscriberDef {
  /** Also the durable cursor's key: renaming it replays or skips events. */
  name: string;
  handler: EventHandler;
  durable: boolean;
}

/** A running module: what the composer registers for it, and its lifecycle. */
export interface ModuleInstance<S extends object, M extends MethodName> {
  /** What later modules, the dispatcher's handlers and the tests reach (`core.services`). */
  services: S;
  handlers: Pick<Handlers, M>;
  jobTypes?: readonly JobTypeDef[];
  /** Durable queues it keeps in its own tables (WhatsApp's outbox), worked by the job queue's worker. */
  lanes?: readonly WorkLane[];
  subscribers?: readonly SubscriberDef[];
  /** Recurring runs of this module's job types (retention, scans, reconcilers): the scheduler keys each slot. */
  schedules?: readonly ScheduleDef[];
  /** Plan limits this module counts (customers, routers, users ...): the tenant module asks them. */
  usage?: Partial<Record<LimitKey, (tenantId: string) => number>>;
  /** After every module is composed and the job queue runs (reconnect a stored session ...). */
  start?(): void;
  /** Reverse order of composition, after the job queue has stopped. */
  close?(): Promise<void> | void;
}

/**
 * One module of the core. `Needs` names, by their `core.services` keys, what it uses of the modules
 * composed before it (typed with those modules' faces): the composer checks at compile time that an
 * earlier module provides each.
 */
export interface ModuleDef<Needs extends object, S extends object, M extends MethodName> {
  name: string;
  /** The tables only this module's SQL may name (test/unit/table-ownership.test.ts). */
  tables: readonly string[];
  create: (infra: CoreInfra, needs: Needs) => ModuleInstance<S, M>;
}

/** Infers a module's types from its definition, so a module file states them once. */
export function defineModule<Needs extends object, S extends object, M extends MethodName = never>(
  def: ModuleDef<Needs, S, M>,
): ModuleDef<Needs, S, M> {
  return def;
}

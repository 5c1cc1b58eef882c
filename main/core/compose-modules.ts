import type { MethodName } from '../../shared/contract/index.js';
import type { LimitKey } from '../../shared/domain/plans.js';
import type { CoreInfra, Handlers, ModuleDef, ModuleInstance } from '../module-kit/index.js';

/** Any module: `never` needs accept every definition (a parameter is read contravariantly), `never` methods any handlers. */
type AnyModule = ModuleDef<never, object, never>;

/**
 * The services and methods of a module list composed in order, or a type error naming the module
 * that needs a service no earlier module provides.
 */
type Composed<Mods, Have extends object = object, Methods extends MethodName = never> = Mods extends readonly [infer First, ...infer Rest]
  ? First extends ModuleDef<infer Needs, infer S, infer M>
    ? [Have] extends [Needs]
      ? Composed<Rest, Have & S, Methods | M>
      : { missing: Exclude<keyof Needs, keyof Have>; needs: Needs }
    : never
  : { services: Have; handlers: Pick<Handlers, Methods> };

export interface ComposedModules {
  /** After every module is composed (and the job queue started): the modules' own start steps. */
  start(): void;
  /** Reverse order of composition. */
  close(): Promise<void>;
}

/**
 * Creates each module in order, handing it what the earlier ones provide, and registers what it
 * declares: services, handlers, job types, lanes, subscribers, schedules, usage counters. Adding a module is one entry
 * in the list; nothing about a module is wired by hand.
 */
export function composeModules<const Mods extends readonly AnyModule[]>(mods: Mods, infra: CoreInfra): Composed<Mods> & ComposedModules {
  const services: Record<string, unknown> = {};
  const handlers: Partial<Record<MethodName, unknown>> = {};
  const running: ModuleInstance<object, MethodName>[] = [];
  const unsubscribe: (() => void)[] = [];
  for (const mod of mods) {
    const instance = (mod.create as (infra: CoreInfra, needs: object) => ModuleInstance<object, MethodName>)(infra, services);
    for (const [key, service] of Object.entries(instance.services)) {
      if (key in services) throw new Error(`module ${mod.name} provides ${key}, which another module already provides`);
      services[key] = service;
    }
    for (const [method, handler] of Object.entries(instance.handlers) as [MethodName, unknown][]) {
      if (method in handlers) throw new Error(`module ${mod.name} handles ${method}, which another module already handles`);
      handlers[method] = handler;
    }
    for (const job of instance.jobTypes ?? []) infra.jobs.register(job.type, job.handler, job.options);
    for (const lane of instance.lanes ?? []) infra.jobs.addLane(lane);
    for (const sub of instance.subscribers ?? []) unsubscribe.push(infra.bus.subscribe(sub.name, sub.handler, { durable: sub.durable }));
    for (const schedule of instance.schedules ?? []) infra.scheduler.register(schedule);
    for (const [key, count] of Object.entries(instance.usage ?? {}) as [LimitKey, (tenantId: string) => number][]) infra.usage.register(key, count);
    running.push(instance);
  }
  const composed = {
    services,
    handlers,
    start() {
      for (const instance of running) instance.start?.();
    },
    async close() {
      for (const stop of unsubscribe) stop();
      for (const instance of [...running].reverse()) await instance.close?.();
    },
  };
  return composed as unknown as Composed<Mods> & ComposedModules;
}

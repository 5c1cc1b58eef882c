import { describe, expect, it } from 'vitest';
import { composeModules } from '../../main/core/compose-modules.js';
import { defineModule, UsageRegistry, type CoreInfra } from '../../main/module-kit/index.js';

/** Only what the composer touches: job types, subscribers and usage counters are recorded. */
function fakeInfra() {
  const jobs: string[] = [];
  const subscribers: string[] = [];
  const unsubscribed: string[] = [];
  const usage = new UsageRegistry();
  const infra = {
    jobs: { register: (type: string) => jobs.push(type) },
    bus: {
      subscribe: (name: string) => {
        subscribers.push(name);
        return () => unsubscribed.push(name);
      },
    },
    usage,
  } as unknown as CoreInfra;
  return { infra, jobs, subscribers, unsubscribed, usage };
}

const noop = () => undefined;

describe('composeModules', () => {
  it('hands each module what the earlier ones provide, and registers what it declares', async () => {
    const f = fakeInfra();
    const steps: string[] = [];
    const first = defineModule({
      name: 'first',
      tables: [],
      create: () => ({
        services: { counter: { value: 41 } },
        handlers: {},
        jobTypes: [{ type: 'first.job', handler: async () => undefined }],
        usage: { maxRouters: () => 3 },
        start: () => steps.push('start first'),
        close: () => void steps.push('close first'),
      }),
    });
    const second = defineModule({
      name: 'second',
      tables: [],
      create: (_infra, needs: { counter: { value: number } }) => ({
        services: { answer: needs.counter.value + 1 },
        handlers: {},
        subscribers: [{ name: 'second-listener', handler: noop, durable: true }],
        start: () => steps.push('start second'),
        close: async () => void steps.push('close second'),
      }),
    });

    const composed = composeModules([first, second] as const, f.infra);
    expect(composed.services.answer).toBe(42);
    expect(f.jobs).toEqual(['first.job']);
    expect(f.subscribers).toEqual(['second-listener']);
    expect(f.usage.count('maxRouters', 'any-tenant')).toBe(3);

    composed.start();
    await composed.close();
    expect(steps).toEqual(['start first', 'start second', 'close second', 'close first']);
    expect(f.unsubscribed).toEqual(['second-listener']);
  });

  it('refuses a service name or a contract method that two modules claim', () => {
    const provides = (name: string) => defineModule({ name, tables: [], create: () => ({ services: { shared: name }, handlers: {} }) });
    expect(() => composeModules([provides('a'), provides('b')] as const, fakeInfra().infra)).toThrow('module b provides shared');

    const handles = (name: string) =>
      defineModule({ name, tables: [], create: () => ({ services: {}, handlers: { 'setup.status': () => ({ needsOwner: false }) } }) });
    expect(() => composeModules([handles('a'), handles('b')] as const, fakeInfra().infra)).toThrow('module b handles setup.status');
  });
});

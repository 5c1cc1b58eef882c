import type { Locale } from '../../../shared/domain/user.js';
import type { PreparePlan, PrepareResult } from '../../../shared/domain/router-prepare.js';
import { translate } from '../../../shared/i18n/index.js';
import { notFound } from '../../platform/index.js';
import { RouterError, type RouterApi, type RouterRef, type Row } from '../adapters/routeros/index.js';
import type { RoutersService } from '../routers-service.js';
import { menusToRead, type PrepareMenu } from './prepare-items.js';
import { preparePlan, type PlannedItem, type PrepareStep, type RouterState } from './prepare-plan.js';

type Problem = { code: string; message: string };
type Landing = (tenantId: string) => { host: string; port: number } | null;

const problemOf = (error: RouterError, locale: Locale): Problem => ({ code: error.code, message: translate(locale, `routeros.${error.code}`, { detail: error.detail }) });

/**
 * "Siapkan router": reads what the router has (one print per menu), plans what its isolir method
 * needs, and on confirmation applies the plan. Apply plans again from a fresh read first, so what
 * it does is what the router needs now (another console, or a technician in Winbox, may have
 * changed it since the plan was shown), and a second run finds everything there and adds nothing.
 *
 * Not a durable job: a person waits for each item's result, and a run that is cut off is simply
 * run again (the fresh plan picks up where it stopped). Runs on one router take turns.
 */
export class RouterPreparer {
  private readonly turns = new Map<string, Promise<unknown>>();

  constructor(
    private readonly routers: RoutersService,
    private readonly api: RouterApi,
    private readonly landing: Landing,
  ) {}

  async plan(tenantId: string, id: string, locale: Locale): Promise<PreparePlan> {
    const setup = this.setup(tenantId, id);
    const base = { routerId: id, method: setup.method, landing: this.landing(tenantId) };
    try {
      const { version, planned } = await this.read(tenantId, id);
      return { ...base, version, items: planned.map((p) => p.item), problem: null };
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      return { ...base, version: null, items: [], problem: problemOf(error, locale) };
    }
  }

  apply(tenantId: string, id: string, locale: Locale): Promise<PrepareResult> {
    const run = (this.turns.get(id) ?? Promise.resolve()).then(() => this.applyNow(tenantId, id, locale));
    // The next run waits for this one whatever its outcome.
    this.turns.set(id, run.catch(() => undefined));
    return run;
  }

  private async applyNow(tenantId: string, id: string, locale: Locale): Promise<PrepareResult> {
    const router = this.setup(tenantId, id).api;
    let planned: PlannedItem[];
    try {
      planned = (await this.read(tenantId, id)).planned;
    } catch (error) {
      if (!(error instanceof RouterError)) throw error;
      return { routerId: id, items: [], problem: problemOf(error, locale) };
    }
    const items: PrepareResult['items'] = [];
    let problem: Problem | null = null;
    // In order: the pool before the profile that names it, our rules in the order they must stand.
    for (const { item, step } of planned) {
      if (problem) {
        items.push({ key: item.key, outcome: 'skipped', problem: null });
        continue;
      }
      try {
        await this.run(router, step);
        items.push({ key: item.key, outcome: OUTCOMES[step.kind], problem: null });
      } catch (error) {
        if (!(error instanceof RouterError)) throw error;
        problem = problemOf(error, locale);
        items.push({ key: item.key, outcome: 'failed', problem });
      }
    }
    return { routerId: id, items, problem };
  }

  private async run(router: RouterRef, step: PrepareStep): Promise<void> {
    switch (step.kind) {
      case 'none':
      case 'manual':
        return;
      case 'set':
        await this.api.set(router, step.menu, step.id, step.values);
        return;
      case 'replace':
        await this.api.remove(router, step.menu, step.id);
        await this.api.add(router, step.menu, placed(step.values, step.placeBefore));
        return;
      case 'add':
        await this.api.add(router, step.menu, placed(step.values, step.placeBefore));
    }
  }

  private async read(tenantId: string, id: string): Promise<{ version: string; planned: PlannedItem[] }> {
    const setup = this.setup(tenantId, id);
    const menus = menusToRead(setup.method);
    const [resource, ...tables] = await Promise.all([
      this.api.print(setup.api, '/system/resource', {}, ['version']),
      ...menus.map((menu) => this.api.print(setup.api, menu)),
    ]);
    const state: Partial<Record<PrepareMenu, Row[]>> = Object.fromEntries(menus.map((menu, i) => [menu, tables[i] ?? []]));
    const version = resource?.[0]?.version ?? '';
    const planned = preparePlan({
      method: setup.method,
      isolirProfile: setup.isolirProfile,
      landing: this.landing(tenantId),
      hasHotspot: (state['/ip/hotspot'] ?? []).length > 0,
      version,
      state: state satisfies RouterState,
    });
    return { version, planned };
  }

  private setup(tenantId: string, id: string) {
    const setup = this.routers.isolirSetup(tenantId, id);
    if (!setup) throw notFound();
    return setup;
  }
}

const OUTCOMES = { none: 'present', manual: 'manual', set: 'changed', replace: 'changed', add: 'added' } as const;

const placed = (values: Readonly<Record<string, string>>, before: string | null) => (before === null ? values : { ...values, 'place-before': before });

import { describe, expect, it } from 'vitest';
import { PLAN_SPECS, effectiveFeatures, effectiveLimits } from '../../shared/domain/plans.js';

describe('effectiveLimits', () => {
  it('is the plan limit without add-ons', () => {
    expect(effectiveLimits('basic', [])).toEqual({ maxCustomers: 300, maxRouters: 1, maxUsers: 3, maxOdp: 20 });
  });

  it('adds each counted add-on unit to its limit', () => {
    const limits = effectiveLimits('basic', [
      { code: 'extra_customers', units: 2 },
      { code: 'extra_router', units: 3 },
      { code: 'extra_users', units: 1 },
      { code: 'extra_odp', units: 4 },
    ]);
    expect(limits).toEqual({ maxCustomers: 500, maxRouters: 4, maxUsers: 4, maxOdp: 60 });
  });

  it('sums two entries of the same add-on', () => {
    const limits = effectiveLimits('premium', [
      { code: 'extra_customers', units: 1 },
      { code: 'extra_customers', units: 4 },
    ]);
    expect(limits.maxCustomers).toBe(2_500);
  });

  it('ignores feature add-ons when counting limits', () => {
    expect(effectiveLimits('basic', [{ code: 'whatsapp', units: 1 }])).toEqual(effectiveLimits('basic', []));
  });

  it('never changes the plan table it starts from', () => {
    const before = structuredClone(PLAN_SPECS);
    effectiveLimits('basic', [{ code: 'extra_customers', units: 10 }]);
    effectiveLimits('basic', [{ code: 'extra_customers', units: 10 }]);
    expect(PLAN_SPECS).toEqual(before);
    expect(effectiveLimits('basic', []).maxCustomers).toBe(300);
  });
});

describe('effectiveFeatures', () => {
  it('basic has the core features but not WhatsApp, maps or sync', () => {
    const features = effectiveFeatures('basic', []);
    expect(features).toEqual(expect.arrayContaining(['customers', 'billing', 'isolir', 'collector', 'hotspot']));
    expect(features).not.toContain('whatsapp');
    expect(features).not.toContain('maps');
    expect(features).not.toContain('sync');
  });

  it('a feature add-on turns its feature on', () => {
    expect(effectiveFeatures('basic', [{ code: 'whatsapp', units: 1 }])).toContain('whatsapp');
    expect(effectiveFeatures('basic', [{ code: 'maps', units: 1 }])).toContain('maps');
  });

  it('a counted add-on adds no feature', () => {
    expect(effectiveFeatures('basic', [{ code: 'extra_customers', units: 5 }]).sort()).toEqual(effectiveFeatures('basic', []).sort());
  });

  it('lists a feature once even when plan and add-on both grant it', () => {
    const features = effectiveFeatures('premium', [{ code: 'whatsapp', units: 1 }, { code: 'whatsapp', units: 1 }]);
    expect(features.filter((f) => f === 'whatsapp')).toHaveLength(1);
  });
});

import { z } from 'zod';

/**
 * Plans, features and limits of the SaaS subscription (seed 003: "limits = base_plan_limit + addon_units",
 * "feature addons override plan"). The console enforces them locally so it works offline; the cloud
 * is the source of the subscription and pushes changes through sync.
 */
export const PLANS = ['basic', 'premium', 'pro'] as const;
export const planSchema = z.enum(PLANS);
export type Plan = z.infer<typeof planSchema>;

export const FEATURES = ['customers', 'billing', 'isolir', 'collector', 'whatsapp', 'maps', 'sync', 'hotspot'] as const;
export const featureSchema = z.enum(FEATURES);
export type Feature = z.infer<typeof featureSchema>;

export const LIMIT_KEYS = ['maxCustomers', 'maxRouters', 'maxUsers', 'maxOdp'] as const;
export const limitKeySchema = z.enum(LIMIT_KEYS);
export type LimitKey = z.infer<typeof limitKeySchema>;
export type Limits = Record<LimitKey, number>;

export const ADDON_CODES = ['whatsapp', 'maps', 'extra_customers', 'extra_router', 'extra_users', 'extra_odp'] as const;
export const addonSchema = z.object({
  code: z.enum(ADDON_CODES),
  units: z.number().int().min(1).max(1_000_000),
});
export type Addon = z.infer<typeof addonSchema>;

interface PlanSpec {
  features: readonly Feature[];
  limits: Limits;
}

const CORE_FEATURES: readonly Feature[] = ['customers', 'billing', 'isolir', 'collector', 'hotspot'];

export const PLAN_SPECS: Record<Plan, PlanSpec> = {
  basic: { features: CORE_FEATURES, limits: { maxCustomers: 300, maxRouters: 1, maxUsers: 3, maxOdp: 20 } },
  premium: {
    features: [...CORE_FEATURES, 'whatsapp', 'maps', 'sync'],
    limits: { maxCustomers: 2_000, maxRouters: 5, maxUsers: 10, maxOdp: 200 },
  },
  pro: {
    features: [...CORE_FEATURES, 'whatsapp', 'maps', 'sync'],
    limits: { maxCustomers: 100_000, maxRouters: 50, maxUsers: 100, maxOdp: 5_000 },
  },
};

/** What one unit of a counted add-on adds to its limit. */
const ADDON_LIMITS: Partial<Record<Addon['code'], { key: LimitKey; perUnit: number }>> = {
  extra_customers: { key: 'maxCustomers', perUnit: 100 },
  extra_router: { key: 'maxRouters', perUnit: 1 },
  extra_users: { key: 'maxUsers', perUnit: 1 },
  extra_odp: { key: 'maxOdp', perUnit: 10 },
};
const ADDON_FEATURES: Partial<Record<Addon['code'], Feature>> = { whatsapp: 'whatsapp', maps: 'maps' };

export function effectiveLimits(plan: Plan, addons: readonly Addon[]): Limits {
  const limits = { ...PLAN_SPECS[plan].limits };
  for (const addon of addons) {
    const grant = ADDON_LIMITS[addon.code];
    if (grant) limits[grant.key] += grant.perUnit * addon.units;
  }
  return limits;
}

export function effectiveFeatures(plan: Plan, addons: readonly Addon[]): Feature[] {
  const features = new Set<Feature>(PLAN_SPECS[plan].features);
  for (const addon of addons) {
    const feature = ADDON_FEATURES[addon.code];
    if (feature) features.add(feature);
  }
  return [...features];
}

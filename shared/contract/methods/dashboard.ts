import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE } from '../../domain/roles.js';

export const dashboardMethods = {
  'dashboard.summary': method({
    input: z.object({}).strict(),
    output: z.object({
      customers: z.object({ active: z.number().int(), isolated: z.number().int(), inactive: z.number().int() }),
      packages: z.number().int(),
      /** What the active customers' packages add up to per month: the ISP's expected revenue; null for a role that does not see it. */
      monthlyRevenue: z.number().int().nullable(),
    }),
    roles: ANY_ROLE,
    access: 'read',
  }),
};

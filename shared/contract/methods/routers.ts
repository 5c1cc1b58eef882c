import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE } from '../../domain/roles.js';
import { routerSummarySchema } from '../../domain/router.js';

export const routerMethods = {
  'routers.list': method({
    input: z.object({}).strict(),
    output: z.array(routerSummarySchema),
    roles: ANY_ROLE,
    access: 'read',
  }),
};

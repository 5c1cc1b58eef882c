import { z } from 'zod';
import { method } from '../define.js';
import { NETWORK_STAFF } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { landingStatusSchema, landingUpdateSchema, preparePlanSchema, prepareResultSchema } from '../../domain/router-prepare.js';

/**
 * "Siapkan router": what a router needs for its isolir method (pool, profile, firewall, redirect to
 * the isolir page), and the page itself. The people who run the network see and apply it.
 */
export const routerPrepareMethods = {
  /** Reads the router and says, item by item, what is there, what will be added and what will change. Changes nothing. */
  'routers.prepare.plan': method({ input: z.object({ id: idSchema }).strict(), output: preparePlanSchema, roles: NETWORK_STAFF, access: 'read', feature: 'isolir' }),
  /** Applies the plan as the router needs it now; running it again adds nothing. */
  'routers.prepare.apply': method({ input: z.object({ id: idSchema }).strict(), output: prepareResultSchema, roles: NETWORK_STAFF, access: 'write', feature: 'isolir' }),
  /** The isolir page's settings and whether it is being served now. */
  'routers.landing.get': method({ input: z.object({}).strict(), output: landingStatusSchema, roles: NETWORK_STAFF, access: 'read', feature: 'isolir' }),
  'routers.landing.update': method({ input: landingUpdateSchema, output: landingStatusSchema, roles: NETWORK_STAFF, access: 'write', feature: 'isolir' }),
};

import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, NETWORK_STAFF } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import {
  routerCreateSchema,
  routerHealthSchema,
  routerSchema,
  routerTestInputSchema,
  routerTestResultSchema,
  routerUpdateSchema,
} from '../../domain/router.js';

/**
 * The routers the ISP runs. Everyone reads them (the customer form picks one); the people who run
 * the network change and test them. No answer ever carries the API password or the RADIUS secret.
 */
export const routerMethods = {
  'routers.list': method({
    input: z.object({}).strict(),
    output: z.array(routerSchema),
    roles: ANY_ROLE,
    access: 'read',
  }),
  'routers.get': method({
    input: z.object({ id: idSchema }).strict(),
    output: routerSchema,
    roles: ANY_ROLE,
    access: 'read',
  }),
  'routers.create': method({
    input: routerCreateSchema,
    output: routerSchema,
    roles: NETWORK_STAFF,
    access: 'write',
    consumes: 'maxRouters',
  }),
  'routers.update': method({
    input: routerUpdateSchema,
    output: routerSchema,
    roles: NETWORK_STAFF,
    access: 'write',
  }),
  /** Refused with ROUTER_IN_USE while any customer (of any status) is on the router. */
  'routers.remove': method({
    input: z.object({ id: idSchema }).strict(),
    output: z.object({ id: idSchema }),
    roles: NETWORK_STAFF,
    access: 'write',
  }),
  /** Logs in with what the form holds (or the saved router) and says plainly what stands in the way. */
  'routers.test': method({
    input: routerTestInputSchema,
    output: routerTestResultSchema,
    roles: NETWORK_STAFF,
    access: 'read',
  }),
  /** Reads a saved router's state now: whether it answers, CPU, uptime, active PPPoE and hotspot sessions. */
  'routers.health': method({
    input: z.object({ id: idSchema }).strict(),
    output: routerHealthSchema,
    roles: ANY_ROLE,
    access: 'read',
  }),
};

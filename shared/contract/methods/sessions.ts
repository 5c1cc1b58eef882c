import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { customerSessionSchema, routerSessionsSchema } from '../../domain/sessions.js';

/**
 * Who is online now. Read by every role that sees customers and routers (a collector at the door
 * and a technician on a ladder ask "is he connected?" too). A router's sessions older than the poll
 * interval are asked for again before answering.
 */
export const sessionMethods = {
  'sessions.router': method({
    input: z.object({ routerId: idSchema }).strict(),
    output: routerSessionsSchema,
    roles: ANY_ROLE,
    access: 'read',
  }),
  'sessions.customer': method({
    input: z.object({ customerId: idSchema }).strict(),
    output: customerSessionSchema,
    roles: ANY_ROLE,
    access: 'read',
    feature: 'customers',
  }),
};

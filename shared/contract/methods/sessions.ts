import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE, BROWSES_CUSTOMERS } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { customerSessionSchema, routerSessionsSchema } from '../../domain/sessions.js';

/**
 * Who is online now. One customer's state is read by every role that may open the customer (a
 * collector at the door and a technician on a ladder ask "is he connected?" too). A router's whole
 * list names every customer online on it, so it goes only to the roles that browse customers: a
 * collector finds customers by searching, and has no Routers screen. A router's sessions older than
 * the poll interval are asked for again before answering.
 */
export const sessionMethods = {
  'sessions.router': method({
    input: z.object({ routerId: idSchema }).strict(),
    output: routerSessionsSchema,
    roles: BROWSES_CUSTOMERS,
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

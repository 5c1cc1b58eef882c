import { z } from 'zod';
import { method } from '../define.js';
import { NETWORK_STAFF } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { isolirActionSchema, isolirListSchema, isolirPageSchema, isolirRequestResultSchema, isolirRequestSchema } from '../../domain/isolir.js';

export const isolirMethods = {
  'isolir.isolate': method({ input: isolirRequestSchema.strict(), output: isolirRequestResultSchema, roles: NETWORK_STAFF, access: 'write', feature: 'isolir' }),
  'isolir.reconnect': method({ input: isolirRequestSchema.strict(), output: isolirRequestResultSchema, roles: NETWORK_STAFF, access: 'write', feature: 'isolir' }),
  'isolir.list': method({ input: isolirListSchema.strict(), output: isolirPageSchema, roles: NETWORK_STAFF, access: 'read', feature: 'isolir' }),
  /** A customer's isolir history, newest first: who, when, why, what the router answered. */
  'isolir.history': method({
    input: z.object({ customerId: idSchema }).strict(),
    output: z.array(isolirActionSchema),
    roles: NETWORK_STAFF,
    access: 'read',
    feature: 'isolir',
  }),
  /** A failed request goes again (the router is back, the setup was fixed). */
  'isolir.retry': method({ input: z.object({ id: idSchema }).strict(), output: isolirActionSchema, roles: NETWORK_STAFF, access: 'write', feature: 'isolir' }),
};

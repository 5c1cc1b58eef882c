import { z } from 'zod';
import { method } from '../define.js';
import { MANAGERS, NETWORK_STAFF } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';
import { radiusDatabaseSchema, radiusDatabaseTestResultSchema, radiusDatabaseUpdateSchema } from '../../domain/radius-database.js';
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
  /**
   * "Database FreeRADIUS", for routers whose isolir method is RADIUS. The owner and admins set it (it
   * decides who gets cut off); the password is never answered, only whether one is stored.
   */
  'isolir.radiusDb.get': method({ input: z.object({}).strict(), output: radiusDatabaseSchema, roles: MANAGERS, access: 'read', feature: 'isolir' }),
  /** Saves it; RADIUS isolir uses it from the next request on, no restart. An empty password keeps the stored one (same host and user only). */
  'isolir.radiusDb.update': method({ input: radiusDatabaseUpdateSchema, output: radiusDatabaseSchema, roles: MANAGERS, access: 'write', feature: 'isolir' }),
  /** Tries what the form holds (nothing saved): connects and checks isolir's tables, answering in plain words. */
  'isolir.radiusDb.test': method({ input: radiusDatabaseUpdateSchema, output: radiusDatabaseTestResultSchema, roles: MANAGERS, access: 'read', feature: 'isolir' }),
};

import { z } from 'zod';
import { method } from '../define.js';
import { ANY_ROLE } from '../../domain/roles.js';
import { idSchema } from '../../domain/common.js';

/** The fibre tree as far as other screens need it today (the broadcast's "per ODP" choice); the map issue grows this. */
export const mapMethods = {
  'maps.odps.list': method({
    input: z.object({}).strict(),
    output: z.array(z.object({ id: idSchema, name: z.string(), odcName: z.string(), customers: z.number().int() })),
    roles: ANY_ROLE,
    access: 'read',
  }),
};

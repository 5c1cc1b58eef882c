import { z } from 'zod';
import { ALWAYS, DEFAULT_RADIUS_DATABASE, DEFAULT_RADIUS_USER, POSTGRES_PORT, radiusDatabaseFields, radiusDatabaseRules, type RadiusDatabase } from '../../../../shared/domain/radius-database.js';
import { portText } from './router-form-values.js';

/**
 * The FreeRADIUS database form on the contract's own fields and rules, with the port as typed
 * (empty: 5432). A first PostgreSQL setting needs its password here already, so that box is
 * marked in the same round as the others; the core keeps a stored one only for the same server and user.
 */
export const radiusDatabaseFormSchema = (current: RadiusDatabase | undefined) =>
  z
    .object({ ...radiusDatabaseFields, port: portText.transform((port) => port ?? POSTGRES_PORT) })
    .superRefine(radiusDatabaseRules, ALWAYS)
    .superRefine((values, ctx) => {
      if (values.kind === 'postgresql' && values.password === '' && !current?.hasPassword) {
        ctx.addIssue({ code: 'custom', path: ['password'], message: 'validation.required' });
      }
    }, ALWAYS);

export type RadiusDatabaseFormValues = z.input<ReturnType<typeof radiusDatabaseFormSchema>>;

export function radiusDatabaseDefaults(current: RadiusDatabase | undefined): RadiusDatabaseFormValues {
  return {
    kind: current?.kind ?? 'postgresql',
    host: current?.host ?? '',
    port: current && current.port !== POSTGRES_PORT ? String(current.port) : '',
    database: current?.database ?? DEFAULT_RADIUS_DATABASE,
    user: current?.user ?? DEFAULT_RADIUS_USER,
    password: '',
    path: current?.path ?? '',
  };
}

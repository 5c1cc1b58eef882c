import type { z } from 'zod';
import type { Feature, LimitKey } from '../domain/plans.js';
import type { Role } from '../domain/roles.js';

/**
 * One declaration per UI-callable method. The dispatcher, the Electron IPC registration, the preload
 * bridge and the web bridge are all derived from these, so a method exists in exactly one place.
 */
export interface MethodDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  input: I;
  output: O;
  /** 'public' methods need no session (login, first-run setup). */
  roles: readonly Role[] | 'public';
  /** Writes are refused while the tenant's SaaS subscription is isolated (panel locked, read-only). */
  access: 'read' | 'write';
  /** The plan feature the method needs, checked before the handler runs. */
  feature?: Feature;
  /** Creating one more of a counted resource: checked against limits = plan + add-ons. */
  consumes?: LimitKey;
}

export function method<I extends z.ZodType, O extends z.ZodType>(def: MethodDef<I, O>): MethodDef<I, O> {
  return def;
}

export interface EventDef<P extends z.ZodType = z.ZodType> {
  payload: P;
}

export function event<P extends z.ZodType>(payload: P): EventDef<P> {
  return { payload };
}

import { z } from 'zod';
import { idSchema } from './common.js';
import { ROUTER_PROBE_CODES } from './router.js';

/**
 * Who is online now: what the routers' `/ppp/active` and `/ip/hotspot/active` said at their last
 * poll. Times are ISO; `since` is when the session began by the router's uptime, so a screen can
 * count the uptime on without asking again.
 */
export const liveSessionSchema = z.object({
  kind: z.enum(['pppoe', 'hotspot']),
  /** The PPP secret's or hotspot user's name, as the router has it. */
  name: z.string(),
  /** The customer on this router with that username; null when no customer has it ("tidak dikenal"). */
  customerId: idSchema.nullable(),
  customerName: z.string().nullable(),
  address: z.string().nullable(),
  /** PPPoE: the caller-id (the customer router's MAC); hotspot: the device's MAC. */
  callerId: z.string().nullable(),
  since: z.string(),
  /** At the time of the answer (now - since). */
  uptimeSeconds: z.number().int(),
});
export type LiveSession = z.infer<typeof liveSessionSchema>;

/** Why the sessions shown are not live: the router's error, worded for the operator. */
export const sessionProblemSchema = z.object({ code: z.enum(ROUTER_PROBE_CODES), message: z.string() });

/**
 * One router's sessions. `live` is false when the last poll failed (or none has been made yet): the
 * list is then the last one the router gave, as of `checkedAt`, and the screen says how old it is.
 */
export const routerSessionsSchema = z.object({
  routerId: idSchema,
  live: z.boolean(),
  /** The last poll the router answered; null: it has not answered since the console started. */
  checkedAt: z.string().nullable(),
  problem: sessionProblemSchema.nullable(),
  sessions: z.array(liveSessionSchema),
});
export type RouterSessions = z.infer<typeof routerSessionsSchema>;

/**
 * One customer now. `unknown`: their router did not answer (the last known state and its time are
 * given, never as live); `noRouter`: the customer has no router to ask.
 */
export const customerSessionSchema = z.object({
  state: z.enum(['online', 'offline', 'unknown', 'noRouter']),
  routerId: idSchema.nullable(),
  checkedAt: z.string().nullable(),
  problem: sessionProblemSchema.nullable(),
  /** Online (or last seen online, when `unknown`): the session. */
  session: liveSessionSchema.nullable(),
});
export type CustomerSession = z.infer<typeof customerSessionSchema>;

import type { z } from 'zod';
import { authMethods } from './methods/auth.js';
import { billingMethods } from './methods/billing.js';
import { billingLoopMethods } from './methods/billing-loop.js';
import { customerMethods } from './methods/customers.js';
import { customerImportMethods } from './methods/customer-import.js';
import { dashboardMethods } from './methods/dashboard.js';
import { documentMethods } from './methods/documents.js';
import { isolirMethods } from './methods/isolir.js';
import { mapMethods } from './methods/maps.js';
import { packageMethods } from './methods/packages.js';
import { provisioningMethods } from './methods/provisioning.js';
import { routerMethods } from './methods/routers.js';
import { sessionMethods } from './methods/sessions.js';
import { routerPrepareMethods } from './methods/router-prepare.js';
import { setupMethods } from './methods/setup.js';
import { systemMethods } from './methods/system.js';
import { tenantMethods } from './methods/tenant.js';
import { userMethods } from './methods/users.js';
import { waMethods } from './methods/wa.js';

/** Every call the UI can make. Add a method here and its handler in main/api; nothing else. */
export const contract = {
  ...setupMethods,
  ...authMethods,
  ...userMethods,
  ...tenantMethods,
  ...documentMethods,
  ...packageMethods,
  ...customerMethods,
  ...customerImportMethods,
  ...routerMethods,
  ...sessionMethods,
  ...routerPrepareMethods,
  ...isolirMethods,
  ...provisioningMethods,
  ...billingMethods,
  ...billingLoopMethods,
  ...dashboardMethods,
  ...mapMethods,
  ...waMethods,
  ...systemMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type MethodInput<M extends MethodName> = z.input<Contract[M]['input']>;
export type MethodParsedInput<M extends MethodName> = z.output<Contract[M]['input']>;
export type MethodOutput<M extends MethodName> = z.output<Contract[M]['output']>;
export const METHOD_NAMES = Object.keys(contract) as MethodName[];

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
}

export { method, event } from './define.js';
export type { MethodDef, EventDef } from './define.js';
export * from './errors.js';
export * from './events.js';
export { sessionSchema } from './methods/auth.js';
export { deadLetterSchema, type DeadLetter } from './methods/system.js';

/**
 * The floor every module stands on: the handler types and the module definition. It sits below the
 * modules (above the kernel and the infrastructure it names) so a module types its handlers and
 * declares itself without importing api/ or core/, which stand above it and compose it.
 */
export type { AuthedContext, Caller, HandlerContext, Handlers, MethodsUnder } from './handlers.js';
export { noLimit } from './handlers.js';
export { defineModule, type CoreInfra, type JobTypeDef, type ModuleDef, type ModuleInstance, type SubscriberDef } from './module.js';
export { UsageRegistry } from './usage-registry.js';
export { RETENTION, DAY_MS } from './retention.js';

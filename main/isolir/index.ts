export { isolirModule, type IsolirOptions } from './isolir-module.js';
export type { IsolirCommands, IsolirIntents, IsolirRequest, IsolirRequestResult } from './isolir-service.js';
export { bindExecutor, type IsolirExecutors, type RouterIsolir } from './isolir-executor.js';
export type { ExecutorResult, ExecutorFailure, IsolirCustomer, IsolirExecutor } from './executors/executor.js';
export { CustomerLock } from './customer-lock.js';

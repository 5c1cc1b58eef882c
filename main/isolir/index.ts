export { isolirModule, type IsolirOptions } from './isolir-module.js';
export type { IsolirCommands, IsolirRequest, IsolirRequestResult } from './isolir-service.js';
export { bindExecutor, type IsolirExecutors, type RouterIsolir } from './isolir-executor.js';
export type { ExecutorResult, ExecutorFailure, IsolirCustomer, IsolirExecutor } from './executors/executor.js';

export { isolirModule, type IsolirOptions } from './isolir-module.js';
export type { IsolirCommands, IsolirRequest, IsolirRequestResult } from './isolir-service.js';
export type { ExecutorResult, IsolirExecutor, IsolirExecutors, IsolirSubject } from './isolir-executor.js';

export { Dispatcher, type CallMeta, type Handlers, type HandlerContext } from './dispatcher.js';
export { createHandlers } from './handlers/index.js';
export type { Services } from './services.js';

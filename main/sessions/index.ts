export { sessionsModule, POLL_EVERY_MS } from './sessions-module.js';
export type { SessionPoller } from './session-poller.js';

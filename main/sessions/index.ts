export { sessionsModule } from './sessions-module.js';
export type { SessionPoller } from './session-poller.js';

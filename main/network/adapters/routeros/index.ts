export type { ActiveSession, ConnectionCheck, RouterApi, RouterHealth, RouterRef, RouterTarget, Row } from './router-api.js';
export { RouterError, ROUTER_ERROR_CODES, type RouterErrorCode } from './router-error.js';
export { RouterOsApi } from './routeros-api.js';
export { DEFAULT_CONNECTIONS, type RouterConnectionsOptions } from './router-connections.js';
export { routerDate, routerDuration } from './router-values.js';

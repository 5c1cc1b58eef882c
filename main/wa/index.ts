export { createWaModule, type WaModule, type WaModuleDeps } from './wa-module.js';
export { RateLimiter, type SendLimiter, type SendLimits, type RateDecision } from './dispatch/rate-limiter.js';
export { toMessageView } from './message-store.js';
export { WA_SEND_JOB } from './outbound.js';
export type { ProviderRegistryOptions } from './provider-registry.js';

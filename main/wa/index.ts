export { waModule, type WaOptions } from './wa-module.js';
export type { WaModule, WaNotifications } from './wa-face.js';
export type { SendLimiter } from './dispatch/rate-limiter.js';
export type { NotificationRule } from './notifier.js';
export type { RecipientSource } from './recipient-sources.js';
export type { CustomerNameSource } from './customer-names.js';

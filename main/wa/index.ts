export { waModule, type WaModule, type WaNotifications, type WaOptions } from './wa-module.js';
export type { SendLimiter } from './dispatch/rate-limiter.js';
export type { Delivery, NotificationRule } from './notifier.js';
export type { Recipient, RecipientSource } from './recipient-sources.js';
export { WA_SEND_JOB } from './outbound.js';

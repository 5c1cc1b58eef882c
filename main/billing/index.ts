export { billingModule, BILLING_GENERATE_JOB } from './billing-module.js';
export type { SettingsStore } from './settings-store.js';
export type { InvoiceGenerator } from './invoice-generator.js';
export type { InvoiceService } from './invoice-service.js';
export type { PaymentService } from './payment-service.js';
export type { OverdueQueries } from './overdue-queries.js';
export type { IsolirPort } from './reconnector.js';

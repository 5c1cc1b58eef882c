export { billingModule } from './billing-module.js';
export type { SettingsStore } from './settings-store.js';

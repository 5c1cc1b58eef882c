export { createFonnteProvider, FONNTE_BASE_URL, type FonnteProviderOptions } from './fonnte-provider.js';
export { fonnteBaseUrlRefusal, type FonnteBaseUrlRefusal } from './base-url-rules.js';

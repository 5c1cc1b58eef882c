export { createFonnteProvider, FONNTE_BASE_URL, type FonnteProviderOptions } from './fonnte-provider.js';

export {
  createWwebjsProvider,
  WWEBJS_DETAIL,
  type WwebjsProvider,
  type WwebjsProviderOptions,
  type WwebjsStatus,
  type WwebjsWatchdogOptions,
  type WwebjsStateListener,
  type WwebjsAckListener,
  type SentLookup,
} from './wwebjs-provider.js';
export { findBrowser, type BrowserLookup, type BrowserFound, type BrowserProblem, type FindBrowserOptions } from './browser-finder.js';
export {
  createRealClient,
  clientOptions,
  sessionDir,
  WWEBJS_DIR,
  type WwebChat,
  type WwebClient,
  type WwebClientFactory,
  type WwebClientParams,
  type WwebEvents,
} from './wweb-client.js';
export { deliveryStatusOf } from './ack-status.js';

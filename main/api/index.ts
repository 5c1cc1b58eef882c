export { Dispatcher, type CallMeta } from './dispatcher.js';

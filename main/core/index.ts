export { coreModules, createCore, type Core, type CoreOptions } from './create-core.js';

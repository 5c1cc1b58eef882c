export { id } from './id.js';
export { en } from './en.js';
export { translate, hasTranslation, coreMessages } from './translate.js';
export type { MessageTree } from './types.js';

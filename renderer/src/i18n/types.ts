import type { id } from './id.js';

type Widen<T> = { [K in keyof T]: T[K] extends string ? string : Widen<T[K]> };
/** Every language must have exactly the keys of Bahasa Indonesia, the reference language. */
export type ScreenMessages = Widen<typeof id>;

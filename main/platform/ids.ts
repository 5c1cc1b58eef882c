import { monotonicFactory } from 'ulid';
import type { Clock } from './clock.js';

/** ULIDs sort by creation time, so rows made offline on different machines merge in order. */
export interface IdGenerator {
  next(): string;
}

export function ulidGenerator(clock: Clock): IdGenerator {
  const factory = monotonicFactory();
  return { next: () => factory(clock.now()) };
}

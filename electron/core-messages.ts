import type { CallMeta } from '../shared/contract/client.js';
import type { CallResult } from '../shared/contract/errors.js';
import type { DomainEvent } from '../shared/contract/events.js';

/**
 * The conversation between the Electron main process and the core in its utilityProcess
 * (electron/core-host.ts). Messages are structured-cloned, so they hold plain data only.
 */
export type ToCore =
  /** The key is the 32-byte secret-box key in base64: only the main process can read safeStorage. */
  | { type: 'start'; dataDir: string; key: string; unlockLogin?: boolean }
  | { type: 'call'; id: number; method: string; input: unknown; meta: CallMeta }
  | { type: 'stop' };

export type FromCore =
  | { type: 'ready' }
  | { type: 'result'; id: number; result: CallResult<unknown> }
  | { type: 'event'; event: DomainEvent }
  | { type: 'log'; level: LogLevel; message: string; data?: Record<string, unknown> }
  /** The core could not open (bad key, unreadable database): restarting will not help. */
  | { type: 'failed'; message: string }
  | { type: 'stopped' };

export type LogLevel = 'info' | 'warn' | 'error';

import type { Logger } from './logger.js';

/**
 * Node ends a process on an unhandled promise rejection. In the core that is one forgotten
 * `.catch` in a timer or a provider callback, and it takes the whole core down: the desktop shell
 * restarts it five times, then the app is broken. The core's entry points (the Electron utility
 * process and web mode) install this instead: the rejection is logged and the core keeps running,
 * since a lost promise leaves nothing half-done the way a thrown exception mid-statement could.
 * Uncaught exceptions are left to Node's default (exit, and the shell restarts the core): after one
 * the process state is unknown. Returns the uninstaller.
 */
export function keepRunningOnUnhandledRejection(log: Logger, proc: NodeJS.Process = process): () => void {
  const onRejection = (reason: unknown) => {
    log.error('unhandled promise rejection; the core keeps running', { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) });
  };
  proc.on('unhandledRejection', onRejection);
  return () => proc.off('unhandledRejection', onRejection);
}

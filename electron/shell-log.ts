import log from 'electron-log/main';
import type { Logger } from '../main/platform/index.js';

/** electron-log behind the core's Logger interface: one log file for the shell and the core. */
export const shellLog: Logger = {
  info: (message, data) => (data ? log.info(message, data) : log.info(message)),
  warn: (message, data) => (data ? log.warn(message, data) : log.warn(message)),
  error: (message, data) => (data ? log.error(message, data) : log.error(message)),
};

export function logFilePath(): string {
  return log.transports.file.getFile().path;
}

/** Uncaught errors of the main process land in the log file rather than vanishing. */
export function catchUncaughtErrors(): void {
  log.errorHandler.startCatching({ showDialog: false });
}

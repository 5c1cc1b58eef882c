/**
 * The core logs through this interface: electron-log in the desktop, the console in web mode and
 * a silent logger in tests. Callers never pass secrets or message bodies here.
 */
export interface Logger {
  info(message: string, data?: Record<string, unknown>): void;
  warn(message: string, data?: Record<string, unknown>): void;
  error(message: string, data?: Record<string, unknown>): void;
}

export const consoleLogger: Logger = {
  info: (message, data) => console.log(`[rrnet] ${message}`, data ?? ''),
  warn: (message, data) => console.warn(`[rrnet] ${message}`, data ?? ''),
  error: (message, data) => console.error(`[rrnet] ${message}`, data ?? ''),
};

export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };

export { systemClock, isoAt, type Clock } from './clock.js';
export { ulidGenerator, firstIdAt, type IdGenerator } from './ids.js';
export { Failure, notFound, conflict, type FieldError, type FieldMessage } from './failure.js';
export { consoleLogger, silentLogger, type Logger } from './logger.js';
export { keepRunningOnUnhandledRejection } from './keep-running.js';
export { makePrivateDir, makePrivateFile, tightenFile } from './private-files.js';

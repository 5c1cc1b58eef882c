/**
 * Child process of test/integration/unhandled-rejection.test.ts: a core entry point in miniature.
 * It installs the same handler as electron/core-host.ts and main/web/cli.ts, then answers stdin
 * line by line: "reject" leaves a promise rejection unhandled, "ping" answers "pong".
 */
import { createInterface } from 'node:readline';
import { consoleLogger, keepRunningOnUnhandledRejection } from '../../main/platform/index.js';

keepRunningOnUnhandledRejection(consoleLogger);

const say = (line: string) => process.stdout.write(`${line}\n`);
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'reject') {
    void Promise.reject(new Error('a provider callback nobody awaited'));
    // Answer only after Node has had its chance to treat the rejection as unhandled.
    setTimeout(() => say('rejected'), 50);
  }
  if (line === 'ping') say('pong');
});
say('ready');

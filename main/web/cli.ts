import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { consoleLogger, keepRunningOnUnhandledRejection } from '../platform/index.js';
import { startWebServer } from './server.js';

/**
 * `npm run web -- --data-dir DIR [--port N] [--owner-password P] [--demo] [--unlock-login]`
 * When the install has no owner yet and no password is given, one is generated and printed once.
 */
const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '4780' },
    'owner-password': { type: 'string' },
    demo: { type: 'boolean', default: false },
    'unlock-login': { type: 'boolean', default: false },
  },
  strict: true,
});

keepRunningOnUnhandledRejection(consoleLogger);

const dataDir = resolve(values['data-dir'] ?? '.rrnet-web');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port harus angka 0-65535 / --port must be a number 0-65535 (got ${values.port})`);
  process.exit(2);
}

const server = await startWebServer({
  dataDir,
  port,
  ownerPassword: values['owner-password'],
  generateOwnerPassword: true,
  demo: values.demo,
  unlockLogin: values['unlock-login'],
  log: consoleLogger,
});
console.log('');
console.log('RRNet Console (web mode)');
console.log(`  Data     : ${dataDir}`);
console.log(`  Buka/Open: ${server.url}`);
console.log(`  Token    : ${server.token}  (juga di/also in ${resolve(dataDir, 'web-token')})`);
if (server.generatedPassword) {
  console.log(`  Login    : owner / ${server.generatedPassword}`);
  console.log('             Kata sandi ini hanya ditampilkan sekali. / This password is shown only once.');
}
console.log('');

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

// `npm start` rebuilds better-sqlite3 for Electron's Node; tests, web mode and the bench run under
// plain Node. This puts the Node build back when needed, so switching between them just works.
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const Database = require('better-sqlite3');
  new Database(':memory:').close();
} catch (err) {
  if (!String(err && err.message).includes('NODE_MODULE_VERSION')) throw err;
  console.error('better-sqlite3 was built for Electron; rebuilding it for Node...');
  execSync('npm rebuild better-sqlite3', { stdio: 'inherit' });
}

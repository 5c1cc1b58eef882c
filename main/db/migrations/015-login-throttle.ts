import type { Migration } from '../migrate.js';

/**
 * The sign-in throttle's counters, kept on disk so a restart no longer forgives a guesser. One row
 * per account, per bucket of unknown usernames (a fixed number, so guessing names cannot grow the
 * table) and per source (the window on the desktop, the client address in web mode). Not synced:
 * this install's own defence, not the ISP's data.
 */
export const m015LoginThrottle: Migration = {
  version: 15,
  name: 'login-throttle',
  up(db) {
    db.exec(`
      CREATE TABLE login_throttle (
        key TEXT PRIMARY KEY,
        failures INTEGER NOT NULL,
        blocked_until INTEGER NOT NULL,
        last_failure INTEGER NOT NULL
      );
    `);
  },
};

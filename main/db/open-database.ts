import Database from 'better-sqlite3';
import { makePrivateFile, tightenFile } from '../platform/index.js';

export type Db = Database.Database;

/**
 * One connection, one writer: the core owns the file. WAL lets readers (backups, a future
 * reporting worker) run beside it. FULL sync: NORMAL survives an app crash but not a power cut
 * (small offices lose power often), and the last commits lost there are a "sending" mark (the
 * message goes twice) or a recorded payment. The WriteBatcher amortises the extra fsync over many
 * writes; `npm run bench` reports what it costs (bench/durability.ts).
 */
export function openDatabase(file: string): Db {
  // SQLite gives the -wal and -shm files it creates the database file's own mode, whatever the umask.
  makePrivateFile(file);
  for (const companion of ['-wal', '-shm', '-journal']) tightenFile(`${file}${companion}`);
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // SQLite's default 2 MB page cache is smaller than one broadcast's rows: reads then go to the
  // OS for pages just written. 64 MB is allocated only as pages are used.
  db.pragma('cache_size = -65536');
  db.pragma('temp_store = MEMORY');
  return db;
}

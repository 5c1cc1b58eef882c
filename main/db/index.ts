export { openDatabase, type Db } from './open-database.js';
export { migrate, type Migration } from './migrate.js';
export { migrations } from './migrations/index.js';
export { trackChanges, pruneChangeLog } from './change-log.js';
export { WriteBatcher } from './write-batcher.js';
export { Where } from './where.js';

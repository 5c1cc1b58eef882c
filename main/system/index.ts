export { systemModule, MAINTENANCE_JOB, RETENTION_JOB } from './system-module.js';

export { JobQueue, type JobTypeOptions } from './job-queue.js';
export { JobError, JobDeferred, type Job, type JobSpec, type JobStatus, type JobHandler, type InterruptPolicy, type InterruptDecision } from './job-types.js';
export { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff.js';

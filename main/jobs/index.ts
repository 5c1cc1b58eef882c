export { JobQueue, type JobTypeOptions } from './job-queue.js';
export { JobError, JobDeferred, JobDone, type Job, type JobSpec, type JobStatus, type JobHandler, type InterruptPolicy, type InterruptDecision, type WorkLane } from './job-types.js';
export { backoffDelay, DEFAULT_BACKOFF, type Backoff } from './backoff.js';
export { type Recurrence } from './recurrence.js';
export { Scheduler, type ScheduleDef, type ScheduledPayload, type ScheduledTenant, type TenantDirectory } from './scheduler.js';

/**
 * How long the tables that only grow keep their rows: every default in one place, each module's
 * schedule reads its own line.
 * - outbox: until every registered durable subscriber has the event (hourly, system module);
 * - jobs: done and cancelled ones for `finishedJobsDays`; dead ones wait `deadJobsDays` for a
 *   person's retry (the failures screens show them) (system module);
 * - change_log: `changeLogDays`, and once sync exists only what it has acknowledged (see
 *   pruneChangeLog) (system module);
 * - sessions: as soon as they expire (12 hours idle, 7 days at most), swept nightly (accounts);
 * - broadcast recipient lists: `broadcastRecipientsDays` after the broadcast was fed in full or
 *   cancelled (wa);
 * - the WhatsApp message log: each tenant's own setting (retention_days, 365 by default), nightly
 *   in the tenant's zone (wa);
 * - parked events (bus_dead_letters): until the owner retries them; they are few and each one is
 *   something a person should see.
 */
export const RETENTION = {
  finishedJobsDays: 14,
  deadJobsDays: 90,
  changeLogDays: 30,
  broadcastRecipientsDays: 7,
} as const;

export const DAY_MS = 24 * 60 * 60_000;

import { setMaxListeners } from 'node:events';
import type { WriteBatcher } from '../../db/index.js';
import type { WorkLane } from '../../jobs/index.js';
import type { Clock, Logger } from '../../platform/index.js';
import type { MessageStore, SendView } from '../message-store.js';
import type { SendOutcome } from '../send-outcome.js';
import type { Turn } from '../send-handler.js';

export interface OutboxOptions {
  /** Messages in flight at once (most of them waiting for a rate-limit slot when the rate is low). */
  concurrency: number;
  /** How long one turn may take before it is taken back (a provider call that hung). */
  leaseMs: number;
}

export interface OutboxDeps {
  messages: MessageStore;
  writes: WriteBatcher;
  send: (message: SendView, turn: Turn) => Promise<SendOutcome>;
  clock: Clock;
  log: Logger;
  activity(tenantId: string, broadcastId: string | null): void;
}

/** The messages claimed together: they share a lease, and what ends it (a sweep, or the app closing). */
interface Claim {
  leaseUntil: number;
  live: boolean;
  abort: AbortController;
  /** Its messages still in their turn (not yet through to their outcome): their ids by rowid. */
  pending: Map<number, string>;
  done(): void;
}

/** How often turns past their lease are looked for. */
const SWEEP_EVERY_MS = 30_000;
/** A turn that failed in our own code (not the provider's) is tried again after this long. */
const AFTER_FAULT_MS = 60_000;
/** A recovered message whose 'sent' could not be written: its chat is read again after this long. */
const REREAD_MS = 30_000;
const INTERRUPTED = 'the app stopped while this message was being sent';
const LEASE_EXPIRED = 'the provider did not answer in time and the message may have left; check the chat before resending';

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * The WhatsApp outbox: wa_send_queue is the queue, each queued message its own durable job (no
 * `jobs` row beside it; see migration 025). The job queue's worker pumps it (see WorkLane), so
 * start-up recovery, stop() and runDue() cover it like any job.
 *
 * A claim is one read of the due messages with everything their sends need. It is not written:
 * one process owns the database, so the claimed messages are kept here until each one's 'sending'
 * mark or outcome has committed (until then its queue row still reads as due), and what a restart
 * reads is the queue row: waiting is simply due again, 'sending' may have left (recovered below).
 * Each turn's outcome is written on the message's rows, batched with the other sends' writes; the
 * turn's slot is free once that write is queued, so the next claim's 'sending' marks share its commit.
 */
export class Outbox implements WorkLane {
  /** Claimed messages, until their 'sending' or their outcome has committed (until then the row reads as due). */
  private readonly claimed = new Map<number, Claim>();
  private readonly claims = new Set<Claim>();
  private running = 0;
  /** WhatsApp Web messages a crash (or a hung call) left 'sending': when their chat is read. */
  private readonly recovering = new Map<number, number>();
  private nextSweep = 0;
  /**
   * The last look found fewer due messages than it had slots for: a finished turn adds none (its
   * row no longer reads as due), so only the worker's next pump (new messages, time passing, a
   * wake) looks again.
   */
  private drained = false;
  /** The worker's, from its latest pump: a finished turn claims the next messages at once. */
  private track: ((run: Promise<void>) => void) | null = null;
  private stopping: AbortSignal | null = null;

  constructor(
    private readonly d: OutboxDeps,
    private readonly options: OutboxOptions,
  ) {}

  /**
   * After a crash: a message left 'sending' may have reached the provider. On WhatsApp Web its chat
   * is read (recover-interrupted.ts); elsewhere it is parked as MAYBE_SENT for a person, never sent blindly again.
   */
  recover(): void {
    const now = this.d.clock.now();
    for (const { seq, provider, failover } of this.d.messages.interrupted()) {
      if (provider === 'wwebjs') this.recovering.set(seq, now);
      else this.d.messages.markFailed(seq, 'MAYBE_SENT', INTERRUPTED, { provider, failover: failover === 1 });
    }
  }

  /** The messages in their turn now (tests look at what waits for a rate-limit slot). */
  inFlight(): string[] {
    return [...this.claims].flatMap((claim) => [...claim.pending.values()]);
  }

  pump(now: number, track: (run: Promise<void>) => void, stopping: AbortSignal): number | null {
    this.track = track;
    this.stopping = stopping;
    this.sweep(now);
    this.drained = false;
    this.refill(now);
    let due = this.d.messages.nextDue();
    for (const at of this.recovering.values()) due = due === null ? at : Math.min(due, at);
    return due;
  }

  /**
   * Claims in batches (a quarter of the slots at least, or whatever is free when idle): one claim
   * per finished send would be a query per message. Nothing new once the app is closing.
   */
  private refill(now = this.d.clock.now()): void {
    const { track, stopping } = this;
    const { concurrency } = this.options;
    const free = concurrency - this.running;
    if (!track || !stopping || stopping.aborted || this.drained || free <= 0 || (free * 4 < concurrency && this.running > 0)) return;
    const rows = this.dueRows(now, free);
    if (rows.length === 0) return;

    const abort = new AbortController();
    // Every turn of the claim may wait on it at once (a send waiting for its rate-limit slot).
    setMaxListeners(rows.length + 1, abort.signal);
    const onStop = () => abort.abort();
    stopping.addEventListener('abort', onStop, { once: true });
    const claim: Claim = {
      leaseUntil: now + this.options.leaseMs,
      live: true,
      abort,
      pending: new Map(rows.map((row) => [row.seq, row.id])),
      done: () => {
        stopping.removeEventListener('abort', onStop);
        this.claims.delete(claim);
      },
    };
    this.claims.add(claim);
    this.running += rows.length;
    for (const row of rows) this.claimed.set(row.seq, claim);
    for (const row of rows) track(this.run(row, claim));
  }

  /** Due recovering messages first, then the queue's, leaving out the ones already claimed. */
  private dueRows(now: number, free: number): SendView[] {
    const rows: SendView[] = [];
    for (const [seq, at] of this.recovering) {
      if (rows.length >= free) return rows;
      if (at > now || this.claimed.has(seq)) continue;
      this.recovering.delete(seq);
      const row = this.d.messages.forSend(seq);
      if (row) rows.push(row);
    }
    if (rows.length < free) {
      const due = this.d.messages.due(now, free - rows.length, this.claimed.keys());
      this.drained = due.length < free - rows.length;
      rows.push(...due);
    }
    return rows;
  }

  private async run(row: SendView, claim: Claim): Promise<void> {
    let outcome: SendOutcome;
    try {
      outcome = await this.d.send(row, { signal: claim.abort.signal, live: () => claim.live, handedOver: () => this.release(row.seq, claim) });
    } catch (error) {
      // A fault of ours, not the provider's answer: logged, and the message taken back as from a hung turn.
      this.d.log.error('a WhatsApp send failed unexpectedly', { messageId: row.id, error: reason(error) });
      outcome = { kind: 'none' };
      if (claim.live) this.takeBack(row.seq, this.d.clock.now() + AFTER_FAULT_MS, `unexpected: ${reason(error)}`);
    }
    // Taken back by the sweep meanwhile: whatever this turn found out is not written.
    if (!claim.live) return;
    if (outcome.kind === 'recheck') this.recovering.set(row.seq, outcome.at);
    const written = this.write(row.seq, outcome, claim);
    this.finishTurn(row.seq, claim);
    try {
      if (written) await written;
    } catch (error) {
      this.unrecorded(row, outcome, error);
    } finally {
      this.release(row.seq, claim);
    }
  }

  /** The turn's outcome, written with the other sends' writes if the claim still holds the message. */
  private write(seq: number, outcome: SendOutcome, claim: Claim): Promise<unknown> | null {
    const live = () => claim.live;
    if (outcome.kind === 'sent') return this.d.messages.recordSent(seq, outcome, live);
    if (outcome.kind === 'recheck' || outcome.kind === 'none') return null;
    return this.d.writes.runStatement(() => live() && this.d.messages.record(seq, outcome));
  }

  /** The row no longer reads as due ('sending' or its outcome committed): the next claims need not step over it. */
  private release(seq: number, claim: Claim): void {
    if (this.claimed.get(seq) === claim) this.claimed.delete(seq);
  }

  /** The turn's slot is free (its write is queued): the next claim commits with it instead of after it. */
  private finishTurn(seq: number, claim: Claim): void {
    claim.pending.delete(seq);
    if (claim.pending.size === 0) claim.done();
    this.running -= 1;
    this.refill();
  }

  /** An outcome that could not be written (disk full, database locked). */
  private unrecorded(row: SendView, outcome: SendOutcome, error: unknown): void {
    if (outcome.kind === 'sent' && outcome.recovered) {
      // Still 'sending': the chat is read again, and finds it again.
      this.recovering.set(row.seq, this.d.clock.now() + REREAD_MS);
      return;
    }
    if (outcome.kind === 'sent') {
      // The provider has it, the log does not. Parked for a person with the provider's id, never
      // resent; should even this write fail, the restart parks the message still 'sending' the same way.
      const note = `the provider took it (id ${outcome.providerMessageId ?? 'unknown'}) but recording that failed: ${reason(error)}`;
      this.d.log.error('could not record a sent WhatsApp message', { messageId: row.id, providerMessageId: outcome.providerMessageId, error: reason(error) });
      this.d.messages.markFailed(row.seq, 'MAYBE_SENT', note, outcome.tried);
      this.d.activity(row.tenant_id, row.broadcast_id);
      return;
    }
    // As after a crash: a queued message is due again, one left 'sending' is decided at the next start.
    this.d.log.error('could not record a WhatsApp send outcome', { messageId: row.id, outcome: outcome.kind, error: reason(error) });
  }

  /**
   * Turns past their lease (a provider call that hung): taken back and their slots freed, their
   * calls aborted where they only wait; what they report later is not written.
   */
  private sweep(now: number): void {
    if (now < this.nextSweep) return;
    this.nextSweep = now + SWEEP_EVERY_MS;
    for (const claim of this.claims) {
      if (claim.leaseUntil > now) continue;
      claim.live = false;
      claim.abort.abort();
      for (const seq of claim.pending.keys()) {
        this.running -= 1;
        this.claimed.delete(seq);
        this.takeBack(seq, now, LEASE_EXPIRED);
      }
      claim.done();
      this.d.log.warn('WhatsApp sends outlived their lease', { messages: claim.pending.size });
    }
  }

  /** A turn cut off: queued again at `runAt` if it never reached 'sending'; else decided as after a crash. */
  private takeBack(seq: number, runAt: number, note: string): void {
    const row = this.d.messages.forSend(seq);
    if (row?.status === 'queued') this.d.messages.record(seq, { kind: 'later', runAt, heldUntil: null });
    else if (row?.status === 'sending' && row.provider === 'wwebjs') this.recovering.set(seq, this.d.clock.now());
    else if (row?.status === 'sending') this.d.messages.markFailed(seq, 'MAYBE_SENT', note, { provider: row.provider ?? 'unknown', failover: row.failover === 1 });
  }
}

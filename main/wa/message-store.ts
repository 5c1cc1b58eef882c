import { Where, type Db, type WriteBatcher } from '../db/index.js';
import { firstIdAt, type Clock } from '../platform/index.js';
import type { WaEventKey } from '../../shared/domain/wa.js';
import { EarlyAcks } from './early-acks.js';
import { maskContent, maskPhone } from './masking.js';
import type { DeliveryStatus } from './providers/provider.js';
import type { SendOutcome, Tried } from './send-outcome.js';

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'read' | 'failed' | 'cancelled' | 'skipped';

export interface MessageRow {
  /** The row's integer key: what the send queue (wa_send_queue) names it by. */
  seq: number;
  id: string;
  tenant_id: string;
  idempotency_key: string;
  event: string;
  template_key: WaEventKey;
  entity_type: string | null;
  entity_id: string | null;
  broadcast_id: string | null;
  to_number: string;
  content: string;
  status: MessageStatus;
  provider: string | null;
  provider_message_id: string | null;
  failover: number;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  created_at: number;
  sent_at: number | null;
  delivered_at: number | null;
  read_at: number | null;
  send_ms: number | null;
  /** 0: goes during quiet hours too (a test send, a broadcast that chose so). */
  quiet: number;
  /** Waiting for quiet hours to end until then (ms), else null. */
  held_until: number | null;
  /** When a queued message is due (its backoff, quiet hours, a pause ...): from wa_send_queue. */
  run_at: number | null;
  /** Attempts since it was last queued (by its trigger or a person's retry): its retry budget, from wa_send_queue. */
  tries: number;
  updated_at: number;
}

/**
 * A log row as it reads with its queue row (see migration 025): a message handed to a provider is
 * still 'queued' on the log row until its outcome is written, so its status reads 'sending' from
 * the queue, with the provider it went to and the time it was handed over.
 */
const ROW_COLUMNS = `m.rowid AS seq, m.id, m.tenant_id, m.idempotency_key, m.event, m.template_key, m.entity_type, m.entity_id, m.broadcast_id,
  m.to_number, m.content, CASE WHEN q.sending_at IS NULL THEN m.status ELSE 'sending' END AS status,
  COALESCE(q.sending_provider, m.provider) AS provider, m.provider_message_id, COALESCE(q.sending_failover, m.failover) AS failover,
  m.attempts, m.error_code, m.error_message, m.created_at, m.sent_at, m.delivered_at, m.read_at, m.send_ms, m.quiet, m.held_until,
  q.run_at, COALESCE(q.tries, 0) AS tries, COALESCE(q.sending_at, m.updated_at) AS updated_at`;
const WITH_QUEUE = 'wa_messages m LEFT JOIN wa_send_queue q ON q.message = m.rowid';

/** What the send path reads of a due message: claimed with these columns, so nothing is read again per message. */
export type SendView = Pick<
  MessageRow,
  | 'seq' | 'id' | 'tenant_id' | 'to_number' | 'content' | 'status' | 'failover' | 'error_code' | 'broadcast_id' | 'template_key' | 'quiet' | 'provider'
  | 'attempts' | 'tries' | 'updated_at'
>;

/** SendView's columns, read with the queue row as ROW_COLUMNS are. */
const SEND_COLUMNS = `m.rowid, m.id, m.tenant_id, m.to_number, m.content, CASE WHEN q.sending_at IS NULL THEN m.status ELSE 'sending' END,
  COALESCE(q.sending_failover, m.failover), m.error_code, m.broadcast_id, m.template_key, m.quiet, COALESCE(q.sending_provider, m.provider), m.attempts,
  COALESCE(q.tries, 0), COALESCE(q.sending_at, m.updated_at)`;
type SendRow = [number, string, string, string, string, MessageStatus, number, string | null, string | null, WaEventKey, number, string | null, number, number, number];

/**
 * Read as arrays and shaped here: better-sqlite3 builds a 14-column row object at about three times
 * the cost of the array and this literal (a claim of 64 messages: 0.6 ms against 0.2 ms).
 */
const sendView = ([seq, id, tenant_id, to_number, content, status, failover, error_code, broadcast_id, template_key, quiet, provider, attempts, tries, updated_at]: SendRow): SendView => ({
  seq, id, tenant_id, to_number, content, status, failover, error_code, broadcast_id, template_key, quiet, provider, attempts, tries, updated_at,
});

/** A message about to be written: its id is made by the caller. */
export interface PlannedMessage {
  id: string;
  tenantId: string;
  key: string;
  event: string;
  templateKey: WaEventKey;
  entityType: string | null;
  entityId: string | null;
  broadcastId: string | null;
  to: string;
  content: string;
  /** Whether it waits out quiet hours (see OutboundRequest.quietHours). */
  quiet: boolean;
  status: 'queued' | 'skipped' | 'failed';
  /** When a queued message is first due. */
  runAt: number;
  errorCode?: string | null;
  errorMessage?: string | null;
}

export interface LogQuery {
  status: MessageStatus | null;
  number: string;
  event: string | null;
  from: string | null;
  to: string | null;
  cursor: string | null;
  limit: number;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A log row as screens see it: masked, no provider internals. */
export function toMessageView(r: MessageRow) {
  return {
    id: r.id,
    event: r.event,
    templateKey: r.template_key,
    to: maskPhone(r.to_number),
    preview: maskContent(r.content),
    status: r.status,
    provider: r.provider,
    failover: r.failover === 1,
    attempts: r.attempts,
    errorCode: r.error_code,
    errorMessage: r.error_message,
    broadcastId: r.broadcast_id,
    simulated: r.provider === 'dry-run' && r.status === 'sent',
    heldUntil: r.status === 'queued' ? iso(r.held_until) : null,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: iso(r.sent_at),
    deliveredAt: iso(r.delivered_at),
    readAt: iso(r.read_at),
  };
}

/** A try's columns for the outcome statements (a function of its own: not a closure made per send). */
const triedColumns = (t: Tried | null) => ({ provider: t?.provider ?? null, failover: t ? Number(t.failover) : null, tried: t ? 1 : 0 });

type SentOutcome = Extract<SendOutcome, { kind: 'sent' }>;
interface SendingMark {
  seq: number;
  provider: string;
  failover: boolean;
  live: () => boolean;
}
interface SentWrite {
  seq: number;
  outcome: SentOutcome;
  live: () => boolean;
}

/** Order of delivery states: an ack never moves a message backwards (a late "sent" after "read"). */
const RANK: Partial<Record<MessageStatus, number>> = { sending: 0, sent: 1, delivered: 2, read: 3 };

/**
 * wa_messages: one row per message, from queued to read or failed. It is the WhatsApp log of seed 000
 * and the crash-safety record: 'sending' is written (and committed) before the provider is called.
 */
export class MessageStore {
  private readonly stmt;
  private readonly earlyAcks = new EarlyAcks();

  /** 'sending' marks, one statement for those made in one turn of the event loop. */
  private readonly sendingMarks;
  /** 'sent' outcomes, likewise. */
  private readonly sentOutcomes;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    /** The send path's writes share commits with the other sends in flight (see WriteBatcher). */
    writes: WriteBatcher,
  ) {
    this.sendingMarks = writes.grouped((marks: readonly SendingMark[]) => this.writeSending(marks));
    this.sentOutcomes = writes.grouped((sends: readonly SentWrite[]) => this.writeSent(sends));
    this.stmt = {
      // One statement for a whole broadcast; RETURNING names the rows that were new (not an idempotent repeat).
      insertMany: db.prepare(`INSERT INTO wa_messages (id, tenant_id, idempotency_key, event, template_key, entity_type, entity_id, broadcast_id,
          to_number, content, status, error_code, error_message, quiet, created_at, updated_at)
        SELECT value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5, value ->> 6, value ->> 7, value ->> 8,
          value ->> 9, value ->> 10, value ->> 11, value ->> 12, value ->> 13, @now, @now
        FROM json_each(@rows) WHERE true
        ON CONFLICT (idempotency_key) DO NOTHING
        RETURNING id, rowid, status`).raw(),
      enqueueMany: db.prepare(`INSERT INTO wa_send_queue (message, run_at) SELECT value ->> 0, value ->> 1 FROM json_each(?)`),
      byKey: db.prepare('SELECT id FROM wa_messages WHERE idempotency_key = ?').pluck(),
      get: db.prepare(`SELECT ${ROW_COLUMNS} FROM ${WITH_QUEUE} WHERE m.id = ?`),
      // The waiting messages in claim order (the queue's due index), with what their sends read. The
      // ones taken already are stepped over on the index alone, before their log rows are read.
      due: db.prepare(`SELECT ${SEND_COLUMNS} FROM wa_send_queue q INDEXED BY wa_send_queue_due JOIN wa_messages m ON m.rowid = q.message
        WHERE q.sending_at IS NULL AND q.run_at <= @now AND q.message NOT IN (SELECT value FROM json_each(@taken))
        ORDER BY q.run_at, q.message LIMIT @limit`).raw(),
      nextDue: db.prepare(`SELECT MIN(run_at) FROM wa_send_queue WHERE sending_at IS NULL`).pluck(),
      forSend: db.prepare(`SELECT ${SEND_COLUMNS} FROM ${WITH_QUEUE} WHERE m.rowid = ?`).raw(),
      // Queue rows whose message is through or gone (see record): nothing to send.
      dropFinished: db.prepare(`DELETE FROM wa_send_queue WHERE (SELECT status FROM wa_messages WHERE rowid = message) IS NOT 'queued'`),
      interrupted: db.prepare(`SELECT message AS seq, sending_provider AS provider, sending_failover AS failover FROM wa_send_queue WHERE sending_at IS NOT NULL`),
      // The narrow queue row, not the log row: the mark a restart reads, at a few microseconds; set-based
      // for the sends handed over in one turn of the event loop (see WriteBatcher.grouped).
      sending: db.prepare(`UPDATE wa_send_queue SET sending_at = @now, sending_provider = m.value ->> 1, sending_failover = m.value ->> 2
        FROM json_each(@marks) m WHERE message = m.value ->> 0 AND sending_at IS NULL RETURNING message`).pluck(),
      dequeue: db.prepare('DELETE FROM wa_send_queue WHERE message = ?'),
      dequeueMany: db.prepare('DELETE FROM wa_send_queue WHERE message IN (SELECT value FROM json_each(?))'),
      // The log row is written once per turn, with the outcome; the try it counts is the one handed over (tried).
      // Set-based for the messages sent in one turn of the event loop; RETURNING names the rows still queued.
      sent: db.prepare(`UPDATE wa_messages SET status = 'sent', provider = s.value ->> 1, failover = s.value ->> 2, attempts = attempts + 1,
        provider_message_id = s.value ->> 3, sent_at = @now, send_ms = s.value ->> 4, error_code = NULL, error_message = NULL, held_until = NULL,
        updated_at = @now FROM json_each(@sends) s WHERE wa_messages.rowid = s.value ->> 0 AND status = 'queued' RETURNING wa_messages.rowid`).pluck(),
      retry: db.prepare(`UPDATE wa_messages SET error_code = @code, error_message = @message, provider = COALESCE(@provider, provider),
        failover = COALESCE(@failover, failover), attempts = attempts + @tried, held_until = NULL, updated_at = @now WHERE rowid = @seq AND status = 'queued'`),
      wait: db.prepare(`UPDATE wa_send_queue SET run_at = @runAt, tries = tries + @counted, sending_at = NULL, sending_provider = NULL, sending_failover = NULL
        WHERE message = @seq`),
      failed: db.prepare(`UPDATE wa_messages SET status = 'failed', error_code = @code, error_message = @message, provider = COALESCE(@provider, provider),
        failover = COALESCE(@failover, failover), attempts = attempts + @tried, held_until = NULL, updated_at = @now WHERE rowid = @seq`),
      later: db.prepare(`UPDATE wa_send_queue SET run_at = ? WHERE message = ? AND sending_at IS NULL`),
      held: db.prepare(`UPDATE wa_messages SET held_until = ?, updated_at = ? WHERE rowid = ? AND status = 'queued'`),
      // Still queued: a broadcast cancelled meanwhile stays cancelled.
      skipped: db.prepare(`UPDATE wa_messages SET status = 'skipped', error_code = ?, updated_at = ? WHERE rowid = ? AND status = 'queued'`),
      // Fresh tries, due now; a message that failed before it had any text (its template) has nothing to send.
      requeue: db.prepare(`UPDATE wa_messages SET status = 'queued', error_code = NULL, error_message = NULL, updated_at = ?
        WHERE id = ? AND status = 'failed' AND content <> '' RETURNING rowid`).pluck(),
      // Fresh: a queue row left behind by an earlier outcome (see record) is replaced, not a conflict.
      enqueue: db.prepare(`INSERT INTO wa_send_queue (message, run_at) VALUES (?, ?) ON CONFLICT (message) DO UPDATE SET run_at = excluded.run_at,
        tries = 0, sending_at = NULL, sending_provider = NULL, sending_failover = NULL`),
      unsend: db.prepare(`UPDATE wa_send_queue SET run_at = ?, sending_at = NULL, sending_provider = NULL, sending_failover = NULL
        WHERE message = ? AND sending_at IS NOT NULL`),
      wake: db.prepare(`UPDATE wa_send_queue SET run_at = @now WHERE sending_at IS NULL AND run_at > @now AND message IN
        (SELECT rowid FROM wa_messages INDEXED BY wa_messages_unfinished WHERE tenant_id = @tenantId AND status IN ('queued', 'sending'))`),
      unhold: db.prepare(`UPDATE wa_messages SET held_until = NULL WHERE tenant_id = ? AND held_until IS NOT NULL AND status = 'queued'`),
      // What has not been handed over yet; one in flight goes on to its outcome.
      cancelWaiting: db.prepare(`DELETE FROM wa_send_queue WHERE sending_at IS NULL AND message IN
        (SELECT rowid FROM wa_messages WHERE broadcast_id = ? AND status = 'queued') RETURNING message`).pluck(),
      cancelled: db.prepare(`UPDATE wa_messages SET status = 'cancelled', updated_at = ? WHERE rowid IN (SELECT value FROM json_each(?)) AND status = 'queued'`),
      byProviderId: db.prepare('SELECT rowid AS seq, id, status FROM wa_messages WHERE provider_message_id = ?'),
      ack: db.prepare(`UPDATE wa_messages SET status = @status, delivered_at = COALESCE(delivered_at, @delivered), read_at = COALESCE(read_at, @read),
        updated_at = @now WHERE rowid = @seq`),
    };
  }

  /** Ids of the rows that were created; a message whose key exists already is left as it was. */
  insertMany(messages: readonly PlannedMessage[]): Set<string> {
    if (messages.length === 0) return new Set();
    const runAt = new Map(messages.map((m) => [m.id, m.runAt]));
    const rows = messages.map((m) => [
      m.id, m.tenantId, m.key, m.event, m.templateKey, m.entityType, m.entityId, m.broadcastId, m.to, m.content, m.status,
      m.errorCode ?? null, m.errorMessage ?? null, Number(m.quiet),
    ]);
    const created = this.stmt.insertMany.all({ rows: JSON.stringify(rows), now: this.clock.now() }) as [string, number, MessageStatus][];
    const queued = created.filter(([, , status]) => status === 'queued').map(([id, seq]) => [seq, runAt.get(id)]);
    if (queued.length > 0) this.stmt.enqueueMany.run(JSON.stringify(queued));
    return new Set(created.map(([id]) => id));
  }

  /** The message a repeated trigger already made. */
  idOf(key: string): string {
    return this.stmt.byKey.get(key) as string;
  }

  get(id: string): MessageRow | null {
    return (this.stmt.get.get(id) as MessageRow | undefined) ?? null;
  }

  /** Up to `limit` queued messages due by `now`, the longest waiting first, but for the `taken` ones. */
  due(now: number, limit: number, taken: Iterable<number>): SendView[] {
    return (this.stmt.due.all({ now, limit, taken: JSON.stringify([...taken]) }) as SendRow[]).map(sendView);
  }

  /** When the earliest waiting message is due, or null when none waits. */
  nextDue(): number | null {
    return this.stmt.nextDue.get() as number | null;
  }

  forSend(seq: number): SendView | null {
    const row = this.stmt.forSend.get(seq) as SendRow | undefined;
    return row === undefined ? null : sendView(row);
  }

  /** Messages left 'sending' (by a crash): they may have reached the provider they were handed to. */
  interrupted(): { seq: number; provider: string; failover: number }[] {
    this.stmt.dropFinished.run();
    return this.stmt.interrupted.all() as { seq: number; provider: string; failover: number }[];
  }

  /**
   * Resolves once 'sending' is committed: only then may the provider be called. False when the
   * message is no longer waiting (a broadcast cancelled while it waited for its slot) or `live`
   * says its turn was taken back meanwhile (a send that outlived its lease).
   */
  markSending(seq: number, provider: string, failover: boolean, live: () => boolean = () => true): Promise<boolean> {
    return this.sendingMarks({ seq, provider, failover, live });
  }

  private writeSending(marks: readonly SendingMark[]): boolean[] {
    // A turn taken back before its mark commits is not marked (its lease ran out meanwhile).
    const rows = marks.filter((m) => m.live()).map((m) => [m.seq, m.provider, Number(m.failover)]);
    const marked = new Set(rows.length === 0 ? [] : (this.stmt.sending.all({ now: this.clock.now(), marks: JSON.stringify(rows) }) as number[]));
    return marks.map((m) => marked.has(m.seq));
  }

  /**
   * A 'sent' outcome, written with the others of its turn of the event loop, once the turn still
   * holds the message (`live`): the log row, then the queue row taken out (see record for the order).
   */
  recordSent(seq: number, outcome: SentOutcome, live: () => boolean): Promise<void> {
    return this.sentOutcomes({ seq, outcome, live });
  }

  private writeSent(sends: readonly SentWrite[]): void[] {
    const live = sends.filter((s) => s.live());
    if (live.length > 0) {
      const rows = live.map(({ seq, outcome: o }) => [seq, o.tried.provider, Number(o.tried.failover), o.providerMessageId, o.sendMs]);
      const written = this.stmt.sent.all({ now: this.clock.now(), sends: JSON.stringify(rows) }) as number[];
      this.stmt.dequeueMany.run(JSON.stringify(live.map((s) => s.seq)));
      // A receipt that came before its 'sent' (see EarlyAcks) is applied now.
      const sentNow = new Set(written);
      for (const { seq, outcome } of live) {
        const early = outcome.providerMessageId === null ? null : this.earlyAcks.take(outcome.providerMessageId);
        if (early !== null && sentNow.has(seq)) this.advance({ seq, status: 'sent' }, early);
      }
    }
    return sends.map(() => undefined);
  }

  /**
   * A turn's outcome: the log row written once, and the queue row taken out or set to wait again.
   * The log row goes first: should the queue statement fail after it, the message's status is
   * already through and the left-over queue row is dropped at the next start (see interrupted);
   * the other order could leave a queued message with no queue row, never sent. Called inside the
   * batched write (see Outbox); a 'sent' goes through recordSent.
   */
  record(seq: number, outcome: Exclude<SendOutcome, SentOutcome>): void {
    const now = this.clock.now();
    switch (outcome.kind) {
      case 'retry': {
        const { runAt, code, message, counted } = outcome;
        this.stmt.retry.run({ seq, code, message: message.slice(0, 500), ...triedColumns(outcome.tried), now });
        this.stmt.wait.run({ seq, runAt, counted: Number(counted) });
        return;
      }
      case 'failed':
        this.stmt.failed.run({ seq, code: outcome.code, message: outcome.message.slice(0, 500), ...triedColumns(outcome.tried), now });
        break;
      case 'later':
        if (outcome.heldUntil !== null) this.stmt.held.run(outcome.heldUntil, now, seq);
        this.stmt.later.run(outcome.runAt, seq);
        return;
      case 'skipped':
        this.stmt.skipped.run(outcome.code, now, seq);
        break;
    }
    this.stmt.dequeue.run(seq);
  }

  markFailed(seq: number, code: string, message: string, tried: Tried | null = null): void {
    this.record(seq, { kind: 'failed', code, message, tried });
  }

  /** A person's retry of a failed message; false when it is not failed (or has nothing to send). */
  requeue(id: string): boolean {
    const now = this.clock.now();
    return this.db.transaction(() => {
      const seq = this.stmt.requeue.get(now, id) as number | undefined;
      if (seq === undefined) return false;
      this.stmt.enqueue.run(seq, now);
      return true;
    })();
  }

  /** An interrupted send that never reached the chat (see recover-interrupted.ts): back to waiting, due now, its try not counted. */
  unsend(seq: number): boolean {
    return this.stmt.unsend.run(this.clock.now(), seq).changes === 1;
  }

  /**
   * The settings changed (quiet hours off or shorter, a new token after a pause): every waiting
   * message of the tenant is due now and decided again by the send path. True when any was waiting.
   */
  releaseWaiting(tenantId: string): boolean {
    const now = this.clock.now();
    return this.db.transaction(() => {
      const unheld = this.stmt.unhold.run(tenantId).changes;
      return this.stmt.wake.run({ tenantId, now }).changes + unheld > 0;
    })();
  }

  /** A broadcast stopped: its messages not yet handed to a provider are cancelled (in the caller's transaction). */
  cancelBroadcast(broadcastId: string): void {
    const waiting = this.stmt.cancelWaiting.all(broadcastId) as number[];
    if (waiting.length > 0) this.stmt.cancelled.run(this.clock.now(), JSON.stringify(waiting));
  }

  /**
   * A delivery receipt from the provider; returns the message id when it moved forward. One for a
   * message not (yet) recorded as sent is held until it is.
   */
  applyAck(providerMessageId: string, status: DeliveryStatus): string | null {
    const row = this.stmt.byProviderId.get(providerMessageId) as { seq: number; id: string; status: MessageStatus } | undefined;
    if (!row) {
      this.earlyAcks.hold(providerMessageId, status, this.clock.now());
      return null;
    }
    return this.advance(row, status) ? row.id : null;
  }

  private advance(row: { seq: number; status: MessageStatus }, status: DeliveryStatus): boolean {
    const now = this.clock.now();
    if (status === 'failed') {
      // Delivered or read proves it arrived: a contradicting error receipt is ignored.
      if ((RANK[row.status] ?? 99) > (RANK.sent as number)) return false;
      this.markFailed(row.seq, 'PROVIDER_ERROR', 'the provider reported the message as not delivered');
      return true;
    }
    if ((RANK[status] ?? -1) <= (RANK[row.status] ?? 99)) return false;
    this.stmt.ack.run({
      seq: row.seq,
      status,
      delivered: status === 'delivered' || status === 'read' ? now : null,
      read: status === 'read' ? now : null,
      now,
    });
    return true;
  }

  list(tenantId: string, q: LogQuery): { items: MessageRow[]; nextCursor: string | null } {
    const digits = q.number.replace(/\D/g, '');
    const where = new Where()
      .and('tenant_id = ?', tenantId)
      .andIf(q.status, 'status = ?')
      .andIf(q.event, 'event = ?')
      .andIf(digits, 'to_number LIKE ?', (d) => [`%${d.startsWith('0') ? `62${d.slice(1)}` : d}%`])
      .andIf(q.from, 'id >= ?', (from) => [firstIdAt(Date.parse(from))])
      // "to" is inclusive to the millisecond.
      .andIf(q.to, 'id < ?', (to) => [firstIdAt(Date.parse(to) + 1)])
      .andIf(q.cursor, 'id < ?');
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM ${WITH_QUEUE} ${where.sql} ORDER BY m.id DESC LIMIT ?`)
      .all(...where.params, q.limit + 1) as MessageRow[];
    const more = rows.length > q.limit;
    const items = more ? rows.slice(0, q.limit) : rows;
    return { items, nextCursor: more ? (items.at(-1)?.id ?? null) : null };
  }

  /** Failed messages, latest failure first, a page at a time; the cursor is the last row's "updated_at:id". */
  failures(tenantId: string, page: { cursor: string | null; limit: number }): { items: MessageRow[]; nextCursor: string | null } {
    const [at, id] = (page.cursor ?? '').split(':');
    const after = page.cursor ? 'AND (m.updated_at < ? OR (m.updated_at = ? AND m.id < ?))' : '';
    const params = page.cursor ? [Number(at), Number(at), id ?? ''] : [];
    const rows = this.db
      .prepare(`SELECT ${ROW_COLUMNS} FROM ${WITH_QUEUE} WHERE m.tenant_id = ? AND m.status = 'failed' ${after} ORDER BY m.updated_at DESC, m.id DESC LIMIT ?`)
      .all(tenantId, ...params, page.limit + 1) as MessageRow[];
    const more = rows.length > page.limit;
    const items = more ? rows.slice(0, page.limit) : rows;
    const last = items.at(-1);
    return { items, nextCursor: more && last ? `${last.updated_at}:${last.id}` : null };
  }

  /** Every failed message's id and code: what a retry of them all goes through. */
  failedIds(tenantId: string): { id: string; error_code: string | null }[] {
    return this.db.prepare(`SELECT id, error_code FROM wa_messages WHERE tenant_id = ? AND status = 'failed' ORDER BY id`).all(tenantId) as {
      id: string;
      error_code: string | null;
    }[];
  }

  /** Seed 000: logs are kept 365 days by default; older rows go, finished ones only. */
  purge(tenantId: string, retentionDays: number): number {
    const cutoff = this.clock.now() - retentionDays * 86_400_000;
    return this.db
      .prepare(`DELETE FROM wa_messages WHERE tenant_id = ? AND id < ? AND status NOT IN ('queued', 'sending')`)
      .run(tenantId, firstIdAt(cutoff)).changes;
  }
}

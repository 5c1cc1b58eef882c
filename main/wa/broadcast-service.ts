import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, notFound } from '../platform/index.js';
import { isBroadcastable, type WaTemplateService } from './template-service.js';
import type { BroadcastFilter, WaEventKey } from '../../shared/domain/wa.js';
import { checkMessage, recipientVariables } from './broadcast-text.js';
import type { MessageStatus, MessageStore } from './message-store.js';
import { Outbound } from './outbound.js';
import type { JobQueue } from '../jobs/index.js';
import type { Recipient, RecipientSources } from './recipient-sources.js';

/** What a broadcast sends to whom, as the operator fills it in. */
export interface BroadcastDraft {
  filter: BroadcastFilter;
  templateKey: WaEventKey;
  message: string;
}

/** How soon the feeder looks again while the previous chunk is still going out. */
const FEED_RECHECK_MS = 1_000;

interface BroadcastRow {
  id: string;
  tenant_id: string;
  template_key: WaEventKey;
  filter: string;
  message: string;
  recipients: string;
  scheduled_at: number;
  status: 'active' | 'cancelled';
  total: number;
  fed: number;
  respect_quiet_hours: number;
  created_at: number;
}

/** A broadcast as screens read it: no recipient list, its message counters beside it. */
type BroadcastView = Omit<BroadcastRow, 'recipients'> & Record<MessageStatus | 'simulated', number>;

/** [customerId, name, phone, packageName]: compact, a 10,000-recipient list is one small row. */
type StoredRecipient = [string, string, string, string];

/**
 * Everything a screen shows, without the recipient list (600 kB for 10,000 recipients), with the
 * counters migration 012's triggers keep in step with every message's status.
 */
const VIEW_FROM = `SELECT b.id, b.tenant_id, b.template_key, b.filter, b.message, b.scheduled_at, b.status, b.total, b.fed, b.respect_quiet_hours, b.created_at,
    p.queued, p.sending, p.sent, p.delivered, p.read, p.failed, p.cancelled, p.skipped, p.simulated
  FROM wa_broadcasts b JOIN wa_broadcast_progress p ON p.broadcast_id = b.id`;

export const BROADCAST_FEED_JOB = 'wa_broadcast_feed';
/** Recipients turned into messages at a time: a few minutes of sending at the usual rates. */
export const FEED_CHUNK = 1_000;

/**
 * Broadcasts: a filter, a template, optionally a time. Creating one stores the broadcast with its
 * recipient list and a feeder job, in one transaction: durable at once, cheap even for 10,000
 * recipients. The feeder then makes messages chunk by chunk (seed 000: "chunked and enqueued in
 * batches"), each with its idempotency key (broadcast, customer, template, number), so a feeder
 * that restarts mid-chunk can never queue a recipient twice; opt-outs are checked as each chunk
 * is made, and the dispatcher paces the messages within every rate limit.
 */
export class BroadcastService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly outbound: Outbound,
    private readonly messages: MessageStore,
    private readonly jobs: JobQueue,
    private readonly recipients: RecipientSources,
    private readonly templates: WaTemplateService,
    private readonly ispName: (tenantId: string) => string,
    /** When messages that wait out quiet hours may go, if not now (the send path decides the same way). */
    private readonly quietUntil: (tenantId: string) => number | null,
  ) {}

  create(tenantId: string, input: BroadcastDraft & { scheduledAt: string | null; respectQuietHours: boolean; requestKey?: string | undefined; createdBy: string }) {
    const requestKey = input.requestKey ?? null;
    const earlier = requestKey === null ? undefined : this.byRequestKey(tenantId, requestKey);
    if (earlier !== undefined) return earlier;
    const people: StoredRecipient[] = this.recipientsOf(tenantId, input).map((p) => [p.customerId, p.name, p.phone, p.packageName]);
    const id = this.ids.next();
    const now = this.clock.now();
    const runAt = input.scheduledAt ? Math.max(now, Date.parse(input.scheduledAt)) : now;
    const made = this.db.transaction(() => {
      // A request with the same key that got here first already made it: no second broadcast, no second feeder.
      const inserted = this.db
        .prepare(`INSERT INTO wa_broadcasts (id, tenant_id, template_key, filter, message, recipients, scheduled_at, status, total, fed, created_by,
            respect_quiet_hours, created_at, updated_at, request_key)
          VALUES (?, ?, ?, ?, ?, ?, ?, 'active', ?, 0, ?, ?, ?, ?, ?) ON CONFLICT (tenant_id, request_key) WHERE request_key IS NOT NULL DO NOTHING`)
        .run(id, tenantId, input.templateKey, JSON.stringify(input.filter), input.message, JSON.stringify(people), runAt, people.length,
          input.createdBy, Number(input.respectQuietHours), now, now, requestKey);
      if (inserted.changes === 0) return false;
      this.jobs.enqueue({ type: BROADCAST_FEED_JOB, tenantId, payload: { broadcastId: id }, key: `broadcast:${id}`, runAt });
      return true;
    })();
    if (!made && requestKey !== null) return this.byRequestKey(tenantId, requestKey) ?? this.get(tenantId, id);
    return this.get(tenantId, id);
  }

  /** What the operator confirms: how many receive it and the text its first recipient would get. */
  preview(tenantId: string, draft: BroadcastDraft, maxLength: number) {
    const people = this.recipientsOf(tenantId, draft);
    const first = people[0];
    if (first === undefined) return { recipients: 0, sample: null };
    const rendered = this.templates.render(tenantId, draft.templateKey, recipientVariables(draft.message, first, this.ispName(tenantId)), maxLength);
    if (!rendered.ok) throw new Failure('VALIDATION_FAILED', {}, { message: [{ key: rendered.error.message_key, params: rendered.error.params }] });
    return { recipients: people.length, sample: { name: first.name, text: rendered.text } };
  }

  /**
   * Who a draft reaches, after the checks a broadcast must pass before anyone is asked to confirm
   * it: a template a broadcast can fill, the operator's text using only what the broadcast knows,
   * and at least one recipient (a broadcast to nobody would only look as if it had gone).
   */
  private recipientsOf(tenantId: string, draft: BroadcastDraft): Recipient[] {
    if (!isBroadcastable(draft.templateKey)) throw new Failure('VALIDATION_FAILED', {}, { templateKey: 'validation.invalid' });
    if (draft.templateKey === 'manual_broadcast') {
      const problems = checkMessage(draft.message);
      if (problems.length > 0) throw new Failure('VALIDATION_FAILED', {}, { message: problems });
    }
    const people = this.recipients.select(tenantId, draft.filter);
    if (people.length === 0) throw new Failure('VALIDATION_FAILED', {}, { filter: 'wa.noRecipients' });
    return people;
  }

  private byRequestKey(tenantId: string, requestKey: string) {
    const row = this.db.prepare(`${VIEW_FROM} WHERE b.tenant_id = ? AND b.request_key = ?`).get(tenantId, requestKey) as BroadcastView | undefined;
    return row === undefined ? undefined : this.view(row);
  }

  /**
   * The feeder's step: the next chunk becomes messages when fewer than half a chunk of this
   * broadcast's messages are still waiting. Returns when it should look again, or null when done.
   */
  feed(broadcastId: string): number | null {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM wa_broadcasts WHERE id = ?').get(broadcastId) as BroadcastRow | undefined;
      if (!row || row.status === 'cancelled' || row.fed >= row.total) return null;
      const waiting = this.db
        .prepare('SELECT queued + sending FROM wa_broadcast_progress WHERE broadcast_id = ?')
        .pluck()
        .get(broadcastId) as number;
      if (waiting * 2 > FEED_CHUNK) return this.clock.now() + FEED_RECHECK_MS;
      const chunk = (JSON.parse(row.recipients) as StoredRecipient[]).slice(row.fed, row.fed + FEED_CHUNK);
      const isp = this.ispName(row.tenant_id);
      this.outbound.queueMany(
        row.tenant_id,
        chunk.map(([customerId, name, phone, packageName]) => ({
          event: 'broadcast',
          templateKey: row.template_key,
          to: phone,
          variables: recipientVariables(row.message, { customerId, name, phone, packageName }, isp),
          entityType: 'customer',
          entityId: customerId,
          broadcastId,
          quietHours: row.respect_quiet_hours === 1,
          key: Outbound.keyOf(row.tenant_id, { event: `broadcast:${broadcastId}`, entityId: customerId, templateKey: row.template_key, to: phone }),
        })),
      );
      const fed = row.fed + chunk.length;
      this.db.prepare('UPDATE wa_broadcasts SET fed = ?, updated_at = ? WHERE id = ?').run(fed, this.clock.now(), broadcastId);
      return fed >= row.total ? null : this.clock.now() + FEED_RECHECK_MS;
    })();
  }

  get(tenantId: string, id: string) {
    const row = this.db.prepare(`${VIEW_FROM} WHERE b.tenant_id = ? AND b.id = ?`).get(tenantId, id) as BroadcastView | undefined;
    if (!row) throw notFound();
    return this.view(row);
  }

  list(tenantId: string, limit = 50) {
    const rows = this.db.prepare(`${VIEW_FROM} WHERE b.tenant_id = ? ORDER BY b.id DESC LIMIT ?`).all(tenantId, limit) as BroadcastView[];
    return rows.map((r) => this.view(r));
  }

  /** A broadcast's counts by message status (dry-run trials among the sent): one row read, however many messages it has. */
  progress(broadcastId: string): Record<MessageStatus, number> {
    const row = this.db.prepare(`${VIEW_FROM} WHERE b.id = ?`).get(broadcastId) as BroadcastView | undefined;
    if (!row) throw notFound();
    return progressOf(row);
  }

  /** Stops what has not gone yet: the feeder makes no more messages, the send job skips cancelled ones. */
  cancel(tenantId: string, id: string) {
    this.get(tenantId, id);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.messages.cancelBroadcast(id);
      this.db.prepare(`UPDATE wa_broadcasts SET status = 'cancelled', updated_at = ? WHERE id = ?`).run(now, id);
    })();
    return this.get(tenantId, id);
  }

  private view(r: BroadcastView) {
    const waiting = r.status === 'active' && r.respect_quiet_hours === 1 && r.queued + r.total - r.fed > 0;
    const heldUntil = waiting ? this.quietUntil(r.tenant_id) : null;
    return {
      id: r.id,
      templateKey: r.template_key,
      filter: JSON.parse(r.filter) as BroadcastFilter,
      scheduledAt: new Date(r.scheduled_at).toISOString(),
      status: statusOf(r),
      total: r.total,
      // Dry-run "sends" are trials ("uji coba"), shown apart, never as sent.
      progress: { ...progressOf(r), sent: r.sent - r.simulated },
      simulated: r.simulated,
      respectQuietHours: r.respect_quiet_hours === 1,
      heldUntil: heldUntil === null ? null : new Date(heldUntil).toISOString(),
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}

/** Recipients not yet made into messages count as queued (or cancelled, once the broadcast is). */
function progressOf(r: BroadcastView): Record<MessageStatus, number> {
  const progress: Record<MessageStatus, number> = {
    queued: r.queued, sending: r.sending, sent: r.sent, delivered: r.delivered, read: r.read, failed: r.failed, cancelled: r.cancelled, skipped: r.skipped,
  };
  progress[r.status === 'cancelled' ? 'cancelled' : 'queued'] += r.total - r.fed;
  return progress;
}

/** Finished once every recipient has a message and none of them is still waiting or on its way. */
function statusOf(r: BroadcastView): 'active' | 'finished' | 'cancelled' {
  if (r.status === 'cancelled') return 'cancelled';
  return r.fed >= r.total && r.queued + r.sending === 0 ? 'finished' : 'active';
}

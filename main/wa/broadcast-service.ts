import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import { Failure, notFound } from '../platform/index.js';
import { isBroadcastable } from './template-service.js';
import type { BroadcastFilter, WaEventKey } from '../../shared/domain/wa.js';
import type { MessageStatus } from './message-store.js';
import { Outbound, type OutboundRequest } from './outbound.js';

export interface Recipient {
  customerId: string;
  name: string;
  phone: string;
  packageName: string;
}

/** Who a filter selects: answered by billing and maps, which own the customers and the ODP tree. */
export type RecipientSource = (tenantId: string, filter: BroadcastFilter) => Recipient[];

interface BroadcastRow {
  id: string;
  template_key: string;
  filter: string;
  scheduled_at: number;
  status: 'active' | 'cancelled';
  total: number;
  created_at: number;
}

const EMPTY_PROGRESS: Record<MessageStatus, number> = {
  queued: 0, sending: 0, sent: 0, delivered: 0, read: 0, failed: 0, cancelled: 0, skipped: 0,
};

/**
 * Broadcasts: a filter, a template, optionally a time. Every recipient becomes a durable message
 * at once (one transaction); the dispatcher paces them within every rate limit, so the broadcast is
 * "chunked" by the limiter rather than by a batch size that would have to guess the rate.
 */
export class BroadcastService {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
    private readonly outbound: Outbound,
    private readonly recipients: RecipientSource,
    private readonly ispName: (tenantId: string) => string,
  ) {}

  create(
    tenantId: string,
    input: { filter: BroadcastFilter; templateKey: WaEventKey; message: string; scheduledAt: string | null; createdBy: string },
  ) {
    if (!isBroadcastable(input.templateKey)) throw new Failure('VALIDATION_FAILED', {}, { templateKey: 'validation.invalid' });
    const id = this.ids.next();
    const now = this.clock.now();
    const runAt = input.scheduledAt ? Math.max(now, Date.parse(input.scheduledAt)) : now;
    const people = this.recipients(tenantId, input.filter);
    const isp = this.ispName(tenantId);
    const requests: OutboundRequest[] = people.map((p) => ({
      event: 'broadcast',
      templateKey: input.templateKey,
      to: p.phone,
      variables: { name: p.name, isp_name: isp, message: input.message, package_name: p.packageName },
      entityType: 'customer',
      entityId: p.customerId,
      broadcastId: id,
      runAt,
      key: Outbound.keyOf(tenantId, { event: `broadcast:${id}`, entityId: p.customerId, templateKey: input.templateKey, to: p.phone }),
    }));
    this.db.transaction(() => {
      this.db
        .prepare(`INSERT INTO wa_broadcasts (id, tenant_id, template_key, filter, scheduled_at, status, total, created_by, created_at, updated_at)
          VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?, ?)`)
        .run(id, tenantId, input.templateKey, JSON.stringify(input.filter), runAt, requests.length, input.createdBy, now, now);
      this.outbound.queueMany(tenantId, requests);
    })();
    return this.get(tenantId, id);
  }

  get(tenantId: string, id: string) {
    const row = this.db.prepare('SELECT * FROM wa_broadcasts WHERE tenant_id = ? AND id = ?').get(tenantId, id) as BroadcastRow | undefined;
    if (!row) throw notFound();
    return this.view(row);
  }

  list(tenantId: string, limit = 50) {
    const rows = this.db.prepare('SELECT * FROM wa_broadcasts WHERE tenant_id = ? ORDER BY id DESC LIMIT ?').all(tenantId, limit) as BroadcastRow[];
    return rows.map((r) => this.view(r));
  }

  /** Stops what has not gone yet; the send job sees 'cancelled' and does nothing. */
  cancel(tenantId: string, id: string) {
    this.get(tenantId, id);
    const now = this.clock.now();
    this.db.transaction(() => {
      this.db.prepare(`UPDATE wa_messages SET status = 'cancelled', updated_at = ? WHERE broadcast_id = ? AND status = 'queued'`).run(now, id);
      this.db.prepare(`UPDATE wa_broadcasts SET status = 'cancelled', updated_at = ? WHERE id = ?`).run(now, id);
    })();
    return this.get(tenantId, id);
  }

  progress(broadcastId: string): Record<MessageStatus, number> {
    const rows = this.db
      .prepare('SELECT status, COUNT(*) AS n FROM wa_messages WHERE broadcast_id = ? GROUP BY status')
      .all(broadcastId) as { status: MessageStatus; n: number }[];
    const progress = { ...EMPTY_PROGRESS };
    for (const r of rows) progress[r.status] = r.n;
    return progress;
  }

  private view(r: BroadcastRow) {
    return {
      id: r.id,
      templateKey: r.template_key,
      filter: JSON.parse(r.filter) as BroadcastFilter,
      scheduledAt: new Date(r.scheduled_at).toISOString(),
      status: r.status,
      total: r.total,
      progress: this.progress(r.id),
      createdAt: new Date(r.created_at).toISOString(),
    };
  }
}

import type { Db } from '../db/index.js';
import type { IdGenerator } from '../platform/index.js';
import type { JobQueue } from '../jobs/index.js';
import type { WaEventKey } from '../../shared/domain/wa.js';
import type { RenderResult, TemplateVariables } from './templates/index.js';
import type { MessageStore } from './message-store.js';
import type { OptOuts } from './opt-outs.js';
import type { WaSettingsService } from './settings-service.js';
import type { WaTemplateService } from './template-service.js';

export const WA_SEND_JOB = 'wa_send';

export interface OutboundRequest {
  /** The business trigger: an event name, 'broadcast', 'test'. */
  event: string;
  templateKey: WaEventKey;
  to: string;
  variables: TemplateVariables;
  entityType?: string | null;
  entityId?: string | null;
  broadcastId?: string | null;
  runAt?: number;
  /** Defaults to (tenant, event, entity, template, recipient): the same trigger never sends twice. */
  key?: string;
}

export interface Queued {
  messageId: string;
  created: boolean;
  status: 'queued' | 'skipped' | 'failed';
}

/**
 * Turns a business trigger into a durable message: rendered now (the log shows exactly what was
 * sent, even if the template changes later), stored with its idempotency key, and handed to the
 * job queue in the same transaction.
 */
export class Outbound {
  constructor(
    private readonly db: Db,
    private readonly jobs: JobQueue,
    private readonly messages: MessageStore,
    private readonly templates: WaTemplateService,
    private readonly settings: WaSettingsService,
    private readonly optOuts: OptOuts,
    private readonly ids: IdGenerator,
  ) {}

  queue(tenantId: string, request: OutboundRequest): Queued {
    return this.db.transaction(() => this.queueOne(tenantId, request, null, this.renderers(tenantId)))();
  }

  /** A whole broadcast in one transaction: one commit for 10,000 messages. */
  queueMany(tenantId: string, requests: readonly OutboundRequest[]): Queued[] {
    return this.db.transaction(() => {
      const optedOut = this.optOuts.all(tenantId);
      const render = this.renderers(tenantId);
      return requests.map((r) => this.queueOne(tenantId, r, optedOut, render));
    })();
  }

  /** One renderer per template for the batch: the template and the zone are read once, not per message. */
  private renderers(tenantId: string): (key: WaEventKey, variables: TemplateVariables) => RenderResult {
    const maxLength = this.settings.resolved(tenantId).maxLength;
    const byKey = new Map<WaEventKey, (variables: TemplateVariables) => RenderResult>();
    return (key, variables) => {
      let render = byKey.get(key);
      if (render === undefined) {
        render = this.templates.renderer(tenantId, key, maxLength);
        byKey.set(key, render);
      }
      return render(variables);
    };
  }

  static keyOf(tenantId: string, r: Pick<OutboundRequest, 'event' | 'entityId' | 'templateKey' | 'to'>): string {
    return `${tenantId}:${r.event}:${r.entityId ?? '-'}:${r.templateKey}:${r.to}`;
  }

  private queueOne(
    tenantId: string,
    r: OutboundRequest,
    optedOut: Set<string> | null,
    render: (key: WaEventKey, variables: TemplateVariables) => RenderResult,
  ): Queued {
    const base = {
      tenantId,
      key: r.key ?? Outbound.keyOf(tenantId, r),
      event: r.event,
      templateKey: r.templateKey,
      entityType: r.entityType ?? null,
      entityId: r.entityId ?? null,
      broadcastId: r.broadcastId ?? null,
      to: r.to,
    };
    const isOut = optedOut ? optedOut.has(r.to) : this.optOuts.has(tenantId, r.to);
    if (isOut) {
      const { id, created } = this.messages.insert({ ...base, content: '', status: 'skipped', errorCode: 'OPTED_OUT' });
      return { messageId: id, created, status: 'skipped' };
    }
    const rendered = render(r.templateKey, r.variables);
    if (!rendered.ok) {
      // Kept as a failed message, visible with its reason, rather than an exception lost in a subscriber.
      const { id, created } = this.messages.insert({
        ...base,
        content: '',
        status: 'failed',
        errorCode: rendered.error.code,
        errorMessage: JSON.stringify(rendered.error.params),
      });
      return { messageId: id, created, status: 'failed' };
    }
    // The job's id is made first so the message row carries it from its first write (no second UPDATE).
    const jobId = this.ids.next();
    const { id, created } = this.messages.insert({ ...base, content: rendered.text, status: 'queued', jobId });
    // No job key: the message's own idempotency key already makes the trigger count once.
    if (created) this.jobs.enqueue({ id: jobId, type: WA_SEND_JOB, tenantId, payload: { messageId: id }, ...(r.runAt ? { runAt: r.runAt } : {}) });
    return { messageId: id, created, status: 'queued' };
  }
}

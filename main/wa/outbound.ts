import type { Db } from '../db/index.js';
import type { Clock, IdGenerator } from '../platform/index.js';
import type { WaEventKey } from '../../shared/domain/wa.js';
import type { RenderResult, TemplateVariables } from '../templates/index.js';
import type { MessageStore, PlannedMessage } from './message-store.js';
import type { OptOuts } from './opt-outs.js';
import type { WaSettingsService } from './settings-service.js';
import type { WaTemplateService } from './template-service.js';

export interface OutboundRequest {
  /** The business trigger: an event name, 'broadcast', 'test'. */
  event: string;
  templateKey: WaEventKey;
  to: string;
  variables: TemplateVariables;
  entityType?: string | null;
  entityId?: string | null;
  broadcastId?: string | null;
  /** When it is first due (now by default). */
  runAt?: number;
  /**
   * Whether the message waits out quiet hours (default: yes, automatic notices do). Broadcasts say
   * so by their own choice; a test send never waits. Urgent kinds go at night by the settings.
   */
  quietHours?: boolean;
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
 * sent, even if the template changes later) and stored with its idempotency key. The queued row
 * is its own job: the outbox (dispatch/outbox.ts) sends it when it is due.
 */
export class Outbound {
  constructor(
    private readonly db: Db,
    private readonly messages: MessageStore,
    private readonly templates: WaTemplateService,
    private readonly settings: WaSettingsService,
    private readonly optOuts: OptOuts,
    private readonly ids: IdGenerator,
    private readonly clock: Clock,
    /** New messages are due: the outbox looks at once. */
    private readonly queued: () => void,
  ) {}

  queue(tenantId: string, request: OutboundRequest): Queued {
    return this.queueMany(tenantId, [request])[0] as Queued;
  }

  /**
   * A whole broadcast in one transaction and one statement. 10,000 single-row statements would
   * spend more time crossing into SQLite than SQLite spends writing.
   */
  queueMany(tenantId: string, requests: readonly OutboundRequest[]): Queued[] {
    const queued = this.db.transaction(() => {
      const optedOut = this.optOuts.all(tenantId);
      const render = this.renderers(tenantId);
      const now = this.clock.now();
      const planned = requests.map((r) => this.plan(tenantId, r, optedOut, render, now));
      const created = this.messages.insertMany(planned);
      return planned.map((message) => {
        const isNew = created.has(message.id);
        return { messageId: isNew ? message.id : this.messages.idOf(message.key), created: isNew, status: message.status };
      });
    })();
    this.queued();
    return queued;
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

  /** What one request becomes: rendered now, so the log shows exactly what was sent even if the template changes later. */
  private plan(
    tenantId: string,
    r: OutboundRequest,
    optedOut: Set<string>,
    render: (key: WaEventKey, variables: TemplateVariables) => RenderResult,
    now: number,
  ): PlannedMessage {
    const base = {
      id: this.ids.next(),
      tenantId,
      key: r.key ?? Outbound.keyOf(tenantId, r),
      event: r.event,
      templateKey: r.templateKey,
      entityType: r.entityType ?? null,
      entityId: r.entityId ?? null,
      broadcastId: r.broadcastId ?? null,
      to: r.to,
      quiet: r.quietHours ?? true,
      runAt: r.runAt ?? now,
    };
    if (optedOut.has(r.to)) return { ...base, content: '', status: 'skipped', errorCode: 'OPTED_OUT' };
    const rendered = render(r.templateKey, r.variables);
    // Kept as a failed message, visible with its reason, rather than an exception lost in a subscriber.
    if (!rendered.ok) return { ...base, content: '', status: 'failed', errorCode: rendered.error.code, errorMessage: JSON.stringify(rendered.error.params) };
    return { ...base, content: rendered.text, status: 'queued' };
  }
}

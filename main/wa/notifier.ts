import type { SubscriberDef } from '../module-kit/index.js';
import { Failure, type Logger } from '../platform/index.js';
import type { TenantService } from '../tenant/index.js';
import type { DomainEvent, EventName } from '../../shared/contract/events.js';
import type { WaEventKey } from '../../shared/domain/wa.js';
import type { TemplateVariables } from '../templates/index.js';
import type { Outbound } from './outbound.js';
import type { WaSettingsService } from './settings-service.js';

export interface Delivery {
  to: string;
  variables: TemplateVariables;
  entityType: string;
  entityId: string;
}

/**
 * Domain event -> WhatsApp message, registered by the module that publishes the event (customers
 * registers customer_created -> customer_welcome; billing will register invoice_paid ...), so wa
 * reads no feature module's data and imports none.
 */
export interface NotificationRule<E extends EventName = EventName> {
  event: E;
  template: WaEventKey;
  /** Who hears about it and with what data; empty when the entity is gone (nobody left to tell). */
  deliveries(event: DomainEvent<E>, ispName: string): Delivery[];
  /** Also to the tenant's extra admin numbers (outages, escalations). */
  copyToAdmins?: boolean;
}

/** One rule per event: a second would send the same news twice. */
export class NotificationRules {
  private readonly rules = new Map<EventName, NotificationRule>();

  register<E extends EventName>(rule: NotificationRule<E>): void {
    if (this.rules.has(rule.event)) throw new Error(`event ${rule.event} already has a notification rule`);
    this.rules.set(rule.event, rule as unknown as NotificationRule);
  }

  for(event: EventName): NotificationRule | undefined {
    return this.rules.get(event);
  }
}

/**
 * Listens to the core's events (durably: a message is never lost to a restart) and queues a message
 * for each one the tenant switched on. The idempotency key (tenant, event, entity, template,
 * recipient) makes redelivery harmless.
 */
export function notifierSubscriber(deps: {
  rules: NotificationRules;
  outbound: Outbound;
  settings: WaSettingsService;
  tenants: TenantService;
  log: Logger;
}): SubscriberDef {
  return {
    name: 'wa-notifier',
    durable: true,
    handler: (event) => {
      const rule = deps.rules.for(event.name);
      if (!rule) return;
      if (!deps.tenants.access(event.tenantId).features.includes('whatsapp')) return;
      const settings = deps.settings.resolved(event.tenantId);
      if (!settings.enabledEvents.includes(rule.template)) return;
      const deliveries = gone(() => rule.deliveries(event, deps.tenants.name(event.tenantId)));
      if (deliveries === null) {
        // The entity went away before its news could be sent: nothing to say, and throwing here would
        // stop this subscriber (and every notification after this event) for good.
        deps.log.info('notification skipped: its entity is gone', { event: event.name, seq: event.seq });
        return;
      }
      const admins = rule.copyToAdmins ? settings.adminRecipients : [];
      for (const d of deliveries) {
        for (const to of [d.to, ...admins]) {
          deps.outbound.queue(event.tenantId, { event: event.name, templateKey: rule.template, to, variables: d.variables, entityType: d.entityType, entityId: d.entityId });
        }
      }
    },
  };
}

/** A rule's NOT_FOUND means "entity gone", a skip; any other error is a real failure and retried. */
function gone<T>(read: () => T): T | null {
  try {
    return read();
  } catch (err) {
    if (err instanceof Failure && err.code === 'NOT_FOUND') return null;
    throw err;
  }
}

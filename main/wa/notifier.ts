import type { EventBus } from '../bus/index.js';
import type { CustomersService } from '../customers/index.js';
import type { TenantService } from '../tenant/index.js';
import type { DomainEvent, EventName } from '../../shared/contract/events.js';
import type { WaEventKey } from '../../shared/domain/wa.js';
import type { TemplateVariables } from '../templates/index.js';
import type { Outbound } from './outbound.js';
import type { WaSettingsService } from './settings-service.js';

interface Delivery {
  to: string;
  variables: TemplateVariables;
  entityType: string;
  entityId: string;
}

interface NotifyRule {
  template: WaEventKey;
  /** Who hears about it and with what data; reads through the owning modules' services. */
  deliveries(event: DomainEvent, ctx: RuleContext): Delivery[];
  /** Also to the tenant's extra admin numbers (outages, escalations). */
  copyToAdmins?: boolean;
}

interface RuleContext {
  customers: CustomersService;
  ispName: string;
}

function customerDelivery(event: DomainEvent, ctx: RuleContext): Delivery[] {
  const { customerId } = event.payload as { customerId: string };
  const c = ctx.customers.get(event.tenantId, customerId);
  return [
    {
      to: c.phone,
      entityType: 'customer',
      entityId: c.id,
      variables: {
        name: c.name,
        isp_name: ctx.ispName,
        package_name: c.packageName,
        package_price: c.packagePrice,
        billing_day: c.billingDay,
        username: c.username,
      },
    },
  ];
}

/**
 * Domain event -> WhatsApp message. Adding an event is one line here once its module publishes it
 * (invoice_paid -> invoice_paid, customer_isolated -> customer_isolated, outage_trigger -> outage_started ...).
 */
const RULES: Partial<Record<EventName, NotifyRule>> = {
  customer_created: { template: 'customer_welcome', deliveries: customerDelivery },
};

/**
 * Listens to the core's events (durably: a message is never lost to a restart) and queues a message
 * for each one the tenant switched on. The idempotency key (tenant, event, entity, template,
 * recipient) makes redelivery harmless.
 */
export function startNotifier(deps: {
  bus: EventBus;
  outbound: Outbound;
  settings: WaSettingsService;
  tenants: TenantService;
  customers: CustomersService;
}): () => void {
  return deps.bus.subscribe(
    'wa-notifier',
    (event) => {
      const rule = RULES[event.name];
      if (!rule) return;
      if (!deps.tenants.access(event.tenantId).features.includes('whatsapp')) return;
      const settings = deps.settings.resolved(event.tenantId);
      if (!settings.enabledEvents.includes(rule.template)) return;
      const ctx = { customers: deps.customers, ispName: deps.tenants.name(event.tenantId) };
      const deliveries = rule.deliveries(event, ctx);
      const admins = rule.copyToAdmins ? settings.adminRecipients : [];
      for (const d of deliveries) {
        for (const to of [d.to, ...admins]) {
          deps.outbound.queue(event.tenantId, { event: event.name, templateKey: rule.template, to, variables: d.variables, entityType: d.entityType, entityId: d.entityId });
        }
      }
    },
    { durable: true },
  );
}

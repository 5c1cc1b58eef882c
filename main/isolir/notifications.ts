import type { NotificationRule } from '../wa/index.js';
import type { CustomersService } from '../customers/index.js';
import type { EventName } from '../../shared/contract/index.js';

/**
 * The customer hears of a confirmed isolation or reconnection on WhatsApp. Billing will add the
 * invoice's amount and payment link to these variables; the templates leave those lines out until then.
 */
const ruleFor =
  (customers: CustomersService) =>
  <E extends 'customer_isolated' | 'customer_reconnected'>(event: E): NotificationRule<E> & { event: EventName } => ({
    event,
    template: event,
    deliveries: (e, ispName) => {
      const c = customers.find(e.tenantId, e.payload.customerId);
      if (!c?.whatsapp) return [];
      return [{ to: c.phone, entityType: 'isolir_action', entityId: e.payload.actionId, variables: { name: c.name, isp_name: ispName, package_name: c.packageName } }];
    },
  });

export const isolirNotificationRules = (customers: CustomersService) => {
  const rule = ruleFor(customers);
  return [rule('customer_isolated'), rule('customer_reconnected')] as const;
};

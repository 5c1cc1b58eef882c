import type { CustomerNameSource, NotificationRule, RecipientSource } from '../wa/index.js';
import { CUSTOMER_STATUSES } from '../../shared/domain/customer.js';
import type { CustomersService } from './customers-service.js';

/**
 * The welcome message for a new customer. Customers publishes customer_created, so it says what the
 * message needs; a customer gone before the notifier ran reads as NOT_FOUND, which the notifier skips,
 * and one marked "tidak ada WhatsApp" gets no message.
 */
export const customerWelcomeRule = (customers: CustomersService): NotificationRule<'customer_created'> => ({
  event: 'customer_created',
  template: 'customer_welcome',
  deliveries: (event, ispName) => {
    const c = customers.get(event.tenantId, event.payload.customerId);
    if (!c.whatsapp) return [];
    const variables = {
      name: c.name,
      isp_name: ispName,
      package_name: c.packageName,
      package_price: c.packagePrice,
      billing_day: c.billingDay,
      username: c.username,
    };
    return [{ to: c.phone, entityType: 'customer', entityId: c.id, variables }];
  },
});

/** The broadcast filters customers answers: everyone active, one package, the isolated. */
export const customerRecipients = (customers: CustomersService) => ({
  all_active: ((tenantId) => customers.contacts(tenantId, {})) satisfies RecipientSource<'all_active'>,
  package: ((tenantId, filter) => customers.contacts(tenantId, { packageId: filter.packageId })) satisfies RecipientSource<'package'>,
  isolated: ((tenantId) => customers.contacts(tenantId, { status: 'isolated' })) satisfies RecipientSource<'isolated'>,
});

/** Names for the WhatsApp failures page, whatever the customer's status is now. */
export const customerNames =
  (customers: CustomersService): CustomerNameSource =>
  (tenantId, ids) =>
    new Map(CUSTOMER_STATUSES.flatMap((status) => customers.contacts(tenantId, { ids, status })).map((c) => [c.customerId, c.name]));

import type { FieldErrors } from '../../../../shared/contract/errors.js';
import type { MethodInput } from '../../../../shared/contract/index.js';
import type { Customer } from '../../../../shared/domain/customer.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';
import { i18next } from '../../i18n/index.js';

type ServiceType = Customer['serviceType'];

/** The customer form as typed: every field a string until it is sent. */
export type CustomerFormValues = {
  name: string;
  phone: string;
  address: string;
  latitude: string;
  longitude: string;
  packageId: string;
  routerId: string;
  serviceType: ServiceType;
  username: string;
  billingDay: string;
  notes: string;
};

export type CustomerInput = MethodInput<'customers.create'>;

export function blankCustomer(today: Date): CustomerFormValues {
  return {
    name: '',
    phone: '',
    address: '',
    latitude: '',
    longitude: '',
    packageId: '',
    routerId: '',
    serviceType: 'pppoe',
    username: '',
    // Billing on the day the customer joins is the usual habit; days past 28 do not exist every month.
    billingDay: String(Math.min(today.getDate(), 28)),
    notes: '',
  };
}

export function customerValues(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    phone: formatPhoneLocal(customer.phone),
    address: customer.address,
    latitude: customer.latitude === null ? '' : String(customer.latitude),
    longitude: customer.longitude === null ? '' : String(customer.longitude),
    packageId: customer.packageId,
    routerId: customer.routerId ?? '',
    serviceType: customer.serviceType,
    username: customer.username,
    billingDay: String(customer.billingDay),
    notes: customer.notes,
  };
}

/**
 * Turns what was typed into the contract's input. Only what the core cannot judge is checked here
 * (a coordinate that is not a number, no package chosen); everything else is the core's call.
 */
export function customerInput(values: CustomerFormValues): { input: CustomerInput; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const latitude = coordinate(values.latitude);
  const longitude = coordinate(values.longitude);
  if (Number.isNaN(latitude)) errors.latitude = i18next.t('validation.invalid');
  if (Number.isNaN(longitude)) errors.longitude = i18next.t('validation.invalid');
  if (!values.packageId) errors.packageId = i18next.t('validation.required');
  return {
    errors,
    input: {
      name: values.name,
      phone: values.phone,
      address: values.address,
      latitude,
      longitude,
      packageId: values.packageId,
      routerId: values.routerId || null,
      serviceType: values.serviceType,
      username: values.username,
      billingDay: Number(values.billingDay),
      notes: values.notes,
    },
  };
}

/** Empty means "no coordinate"; Indonesian keyboards often type a decimal comma. */
function coordinate(text: string): number | null {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : Number.NaN;
}

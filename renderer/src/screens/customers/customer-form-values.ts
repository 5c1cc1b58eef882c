import { z } from 'zod';
import { customerCreateObject, whatsappMatchesPhone, type Customer } from '../../../../shared/domain/customer.js';
import { formatPhoneLocal } from '../../../../shared/util/phone.js';

const contract = customerCreateObject.shape;

/** Empty means "no coordinate"; Indonesian keyboards often type a decimal comma. */
const coordinateText = z.string().transform((text, ctx) => {
  const trimmed = text.trim().replace(',', '.');
  if (trimmed === '') return null;
  if (/^-?\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  ctx.addIssue({ code: 'custom', message: 'validation.invalid' });
  return z.NEVER;
});

/**
 * The customer form as typed (every field a string) on its way to the contract's own schema: the
 * conversions happen here, the rules (required, lengths, phone, username, ranges) are the contract's.
 */
export const customerFormSchema = customerCreateObject
  .extend({
    address: contract.address.unwrap(),
    area: contract.area.unwrap(),
    latitude: coordinateText.pipe(contract.latitude.unwrap()),
    longitude: coordinateText.pipe(contract.longitude.unwrap()),
    packageId: z.string().min(1, 'validation.required').pipe(contract.packageId),
    routerId: z
      .string()
      .transform((id) => id || null)
      .pipe(contract.routerId.unwrap()),
    whatsapp: contract.whatsapp.unwrap(),
    serviceType: contract.serviceType.unwrap(),
    billingDay: z.string().transform(Number).pipe(contract.billingDay),
    notes: contract.notes.unwrap(),
    pppoePassword: contract.pppoePassword.unwrap(),
  })
  .superRefine(whatsappMatchesPhone);

export type CustomerFormValues = z.input<typeof customerFormSchema>;

export function blankCustomer(today: Date): CustomerFormValues {
  return {
    name: '',
    phone: '',
    whatsapp: true,
    address: '',
    area: '',
    latitude: '',
    longitude: '',
    packageId: '',
    routerId: '',
    serviceType: 'pppoe',
    username: '',
    // Billing on the day the customer joins is the usual habit; days past 28 do not exist every month.
    billingDay: String(Math.min(today.getDate(), 28)),
    notes: '',
    pppoePassword: '',
  };
}

export function customerValues(customer: Customer): CustomerFormValues {
  return {
    name: customer.name,
    phone: formatPhoneLocal(customer.phone),
    whatsapp: customer.whatsapp,
    address: customer.address,
    area: customer.area,
    latitude: customer.latitude === null ? '' : String(customer.latitude),
    longitude: customer.longitude === null ? '' : String(customer.longitude),
    packageId: customer.packageId,
    routerId: customer.routerId ?? '',
    serviceType: customer.serviceType,
    username: customer.username,
    billingDay: String(customer.billingDay),
    notes: customer.notes,
    // Write-only: never shown, typed only to change it.
    pppoePassword: '',
  };
}

import type { printingId } from './printing-id.js';

/** Printing invoices and receipts from the Billing screens, in English. */
export const printingEn: { [K in keyof typeof printingId]: string } = {
  paper: 'Paper',
  paperRemembered: 'The paper choice is remembered on this computer.',
  printInvoice: 'Print invoice',
  invoiceTitle: 'Print invoice {{number}}',
  printReceipt: 'Print receipt',
  receiptTitle: 'Receipt {{name}} {{amount}}',
  colReceipt: 'Receipt',
  reprint: 'Reprint',
  reprintLabel: 'Reprint the receipt of {{name}} {{amount}}',
  printChosen_one: 'Print {{count}} chosen invoice',
  printChosen_other: 'Print {{count}} chosen invoices',
  chosenTitle_one: 'Print {{count}} invoice',
  chosenTitle_other: 'Print {{count}} invoices',
  printFiltered: 'Print all matching the filter',
  filteredTitle: 'Print all invoices matching the filter (max. 500)',
  clearChosen: 'Clear choice',
};

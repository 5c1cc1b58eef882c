/** Printing invoices and receipts from the Tagihan screens, in Bahasa Indonesia. */
export const printingId = {
  paper: 'Kertas',
  paperRemembered: 'Pilihan kertas diingat di komputer ini.',
  printInvoice: 'Cetak tagihan',
  invoiceTitle: 'Cetak tagihan {{number}}',
  printReceipt: 'Cetak kuitansi',
  receiptTitle: 'Kuitansi {{name}} {{amount}}',
  colReceipt: 'Kuitansi',
  reprint: 'Cetak ulang',
  reprintLabel: 'Cetak ulang kuitansi {{name}} {{amount}}',
  printChosen_one: 'Cetak {{count}} tagihan dipilih',
  printChosen_other: 'Cetak {{count}} tagihan dipilih',
  chosenTitle_one: 'Cetak {{count}} tagihan',
  chosenTitle_other: 'Cetak {{count}} tagihan',
  printFiltered: 'Cetak semua sesuai filter',
  filteredTitle: 'Cetak semua tagihan sesuai filter (maks. 500)',
  clearChosen: 'Batal pilih',
};

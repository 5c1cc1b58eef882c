/**
 * Texts for template errors, the `waTemplates` section of the message tree. Params use the
 * `{{param}}` form of shared/i18n so the core's translate() and the renderer's i18next read them
 * unchanged, which is why the texts never spell a tag with its double braces. Bahasa Indonesia is
 * the reference: English must have exactly the same keys.
 */
const id = {
  undeclaredVariable: 'Variabel "{{name}}" belum terdaftar di daftar variabel template (baris {{line}}, kolom {{column}}).',
  invalidVariableName: 'Nama variabel "{{name}}" tidak valid. Pakai huruf kecil, angka dan garis bawah, diawali huruf (contoh: due_date).',
  variableMissing: 'Data "{{name}}" dibutuhkan template ini tetapi tidak tersedia.',
  tooLong: 'Pesan terlalu panjang: {{length}} karakter, maksimal {{max}}.',
  empty: 'Pesan kosong.',
  unclosedPlaceholder: 'Kurung kurawal "{" tidak ditutup dengan "}" (baris {{line}}, kolom {{column}}).',
  badPlaceholder: 'Variabel "{{text}}" tidak valid (baris {{line}}, kolom {{column}}). Tulis seperti {nama_variabel}: huruf kecil, angka dan garis bawah.',
  strayBrace: 'Ada "}" tanpa pasangan "{" (baris {{line}}, kolom {{column}}).',
  unclosedTag: 'Tag yang dibuka dengan dua kurung kurawal tidak ditutup di baris yang sama (baris {{line}}, kolom {{column}}).',
  unknownTag: 'Tag "{{tag}}" tidak dikenal (baris {{line}}, kolom {{column}}). Yang bisa dipakai: #if kondisi, else, /if.',
  emptyCondition: 'Kondisi #if kosong (baris {{line}}, kolom {{column}}). Contoh: #if exists(payment_url).',
  unexpectedElse: 'else tanpa #if pasangannya (baris {{line}}, kolom {{column}}).',
  duplicateElse: 'else kedua untuk #if yang sama (baris {{line}}, kolom {{column}}).',
  unexpectedEndIf: '/if tanpa #if pasangannya (baris {{line}}, kolom {{column}}).',
  unclosedIf: '#if di baris {{line}}, kolom {{column}} tidak ditutup dengan /if.',
  unclosedInlineIf: '#if di baris {{line}}, kolom {{column}} harus ditutup dengan /if di baris yang sama, atau letakkan #if sendirian di barisnya untuk membungkus beberapa baris.',
  ifTooDeep: '#if bersarang terlalu dalam (baris {{line}}, kolom {{column}}). Maksimal {{max}} tingkat.',
  conditionTooLong: 'Kondisi terlalu panjang (baris {{line}}, kolom {{column}}). Maksimal {{max}} karakter.',
  conditionTooDeep: 'Kondisi bersarang terlalu dalam (baris {{line}}, kolom {{column}}). Maksimal {{max}} tingkat.',
  unexpectedChar: 'Karakter "{{char}}" tidak dikenal dalam kondisi (baris {{line}}, kolom {{column}}).',
  unterminatedString: 'Teks dalam tanda kutip tidak ditutup (baris {{line}}, kolom {{column}}).',
  badNumber: 'Angka "{{text}}" tidak valid (baris {{line}}, kolom {{column}}). Tulis bilangan bulat tanpa titik atau koma, contoh: 150000.',
  unexpectedEnd: 'Kondisi berhenti sebelum selesai (baris {{line}}, kolom {{column}}). Periksa tanda kurung.',
  expectedCondition: 'Diharapkan kondisi seperti exists(nama), ditemukan "{{found}}" (baris {{line}}, kolom {{column}}).',
  unknownFunction: 'Fungsi "{{name}}" tidak dikenal (baris {{line}}, kolom {{column}}). Yang bisa dipakai: {{known}}.',
  expectedVariable: '{{function}}() membutuhkan nama variabel, ditemukan "{{found}}" (baris {{line}}, kolom {{column}}).',
  badVariableName: 'Nama variabel "{{name}}" tidak valid (baris {{line}}, kolom {{column}}). Pakai huruf kecil, angka dan garis bawah.',
  expectedValue: '{{function}}() membutuhkan variabel, teks dalam kutip atau angka, ditemukan "{{found}}" (baris {{line}}, kolom {{column}}).',
  expectedNumber: '{{function}}() membandingkan angka: diharapkan angka atau variabel, ditemukan "{{found}}" (baris {{line}}, kolom {{column}}).',
  expectedSymbol: 'Diharapkan "{{symbol}}", ditemukan "{{found}}" (baris {{line}}, kolom {{column}}).',
  tooFewArguments: '{{function}}() membutuhkan minimal {{min}} kondisi (baris {{line}}, kolom {{column}}).',
  trailingInput: 'Ada sisa teks "{{found}}" setelah kondisi (baris {{line}}, kolom {{column}}).',
} as const;

export type TemplateMessageName = keyof typeof id;

const en: Record<TemplateMessageName, string> = {
  undeclaredVariable: 'Variable "{{name}}" is not in the template\'s variable list (line {{line}}, column {{column}}).',
  invalidVariableName: 'Variable name "{{name}}" is not valid. Use lowercase letters, digits and underscores, starting with a letter (e.g. due_date).',
  variableMissing: 'This template needs "{{name}}" but no value was given.',
  tooLong: 'Message too long: {{length}} characters, at most {{max}}.',
  empty: 'The message is empty.',
  unclosedPlaceholder: 'Brace "{" is not closed with "}" (line {{line}}, column {{column}}).',
  badPlaceholder: 'Variable "{{text}}" is not valid (line {{line}}, column {{column}}). Write it like {variable_name}: lowercase letters, digits and underscores.',
  strayBrace: 'A "}" without its "{" (line {{line}}, column {{column}}).',
  unclosedTag: 'A tag opened with two braces is not closed on the same line (line {{line}}, column {{column}}).',
  unknownTag: 'Unknown tag "{{tag}}" (line {{line}}, column {{column}}). Available: #if condition, else, /if.',
  emptyCondition: 'The #if condition is empty (line {{line}}, column {{column}}). Example: #if exists(payment_url).',
  unexpectedElse: 'else without a matching #if (line {{line}}, column {{column}}).',
  duplicateElse: 'A second else for the same #if (line {{line}}, column {{column}}).',
  unexpectedEndIf: '/if without a matching #if (line {{line}}, column {{column}}).',
  unclosedIf: '#if at line {{line}}, column {{column}} is not closed with /if.',
  unclosedInlineIf: '#if at line {{line}}, column {{column}} must be closed with /if on the same line, or put #if alone on its line to wrap several lines.',
  ifTooDeep: '#if nested too deeply (line {{line}}, column {{column}}). At most {{max}} levels.',
  conditionTooLong: 'Condition too long (line {{line}}, column {{column}}). At most {{max}} characters.',
  conditionTooDeep: 'Condition nested too deeply (line {{line}}, column {{column}}). At most {{max}} levels.',
  unexpectedChar: 'Unknown character "{{char}}" in the condition (line {{line}}, column {{column}}).',
  unterminatedString: 'Quoted text is not closed (line {{line}}, column {{column}}).',
  badNumber: '"{{text}}" is not a valid number (line {{line}}, column {{column}}). Write a whole number without dots or commas, e.g. 150000.',
  unexpectedEnd: 'The condition stops before it is complete (line {{line}}, column {{column}}). Check the parentheses.',
  expectedCondition: 'Expected a condition such as exists(name), found "{{found}}" (line {{line}}, column {{column}}).',
  unknownFunction: 'Unknown function "{{name}}" (line {{line}}, column {{column}}). Available: {{known}}.',
  expectedVariable: '{{function}}() needs a variable name, found "{{found}}" (line {{line}}, column {{column}}).',
  badVariableName: 'Variable name "{{name}}" is not valid (line {{line}}, column {{column}}). Use lowercase letters, digits and underscores.',
  expectedValue: '{{function}}() needs a variable, quoted text or a number, found "{{found}}" (line {{line}}, column {{column}}).',
  expectedNumber: '{{function}}() compares numbers: expected a number or a variable, found "{{found}}" (line {{line}}, column {{column}}).',
  expectedSymbol: 'Expected "{{symbol}}", found "{{found}}" (line {{line}}, column {{column}}).',
  tooFewArguments: '{{function}}() needs at least {{min}} conditions (line {{line}}, column {{column}}).',
  trailingInput: 'Unexpected text "{{found}}" after the condition (line {{line}}, column {{column}}).',
};

export const waTemplateMessages = { id, en };

import { describe, expect, it } from 'vitest';
import { readCsv } from '../../main/customers/import/csv-reader.js';
import { excelText, writeCsv } from '../../shared/util/csv.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('reading CSV files as spreadsheets write them', () => {
  it('reads commas, quoted fields with the separator, doubled quotes and line breaks inside', () => {
    expect(readCsv(utf8('nama,alamat\r\n"Budi","Jl. Merdeka, No. 5"\r\n"Siti ""Ami""","baris 1\nbaris 2"\r\n'))).toEqual([
      ['nama', 'alamat'],
      ['Budi', 'Jl. Merdeka, No. 5'],
      ['Siti "Ami"', 'baris 1\nbaris 2'],
    ]);
  });

  it('finds the separator: semicolon (Excel in Indonesian), tab, and Excel\'s sep= line', () => {
    expect(readCsv(utf8('Nama;No HP\nBudi;0812'))).toEqual([['Nama', 'No HP'], ['Budi', '0812']]);
    expect(readCsv(utf8('Nama\tNo HP\nBudi\t0812'))).toEqual([['Nama', 'No HP'], ['Budi', '0812']]);
    expect(readCsv(utf8('sep=;\r\nNama;Alamat, kota\r\nBudi;Purwokerto, Jateng'))).toEqual([['Nama', 'Alamat, kota'], ['Budi', 'Purwokerto, Jateng']]);
  });

  it('drops a UTF-8 BOM and keeps emoji and apostrophes', () => {
    expect(readCsv(utf8("\uFEFFnama\nSiti O'Neil 🌸"))).toEqual([['nama'], ["Siti O'Neil 🌸"]]);
  });

  it('reads bytes that are not UTF-8 as Windows-1252 (old Excel "CSV")', () => {
    // "José" and "Café" with é as the single byte 0xE9.
    const bytes = new Uint8Array([...utf8('nama\nJos'), 0xe9, ...utf8('\nCaf'), 0xe9]);
    expect(readCsv(bytes)).toEqual([['nama'], ['José'], ['Café']]);
  });

  it('writes text Excel would run as a formula as inert text, and reads it back as written', () => {
    const rows = [['Nama', 'Catatan'], ['=HYPERLINK("http://x","klik")', '+62 bukan rumus'], ['@SUM(A1)', '-tiang 3']];
    const text = writeCsv(rows, ',');
    expect(text).toContain(`"'=HYPERLINK(""http://x"",""klik"")"`);
    expect(text).toContain(`'+62 bukan rumus`);
    expect(readCsv(Buffer.from(text))).toEqual(rows);
  });

  it('reads back what the writer writes, a landline kept as text for Excel included', () => {
    const rows = [['Nama', 'No HP', 'Catatan'], ["Siti; O'Neil", excelText('0281637123'), 'dua\r\nbaris "kutip"']];
    const written = Buffer.from(writeCsv(rows, ';'), 'utf8');
    expect(written.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(readCsv(written)).toEqual([['Nama', 'No HP', 'Catatan'], ["Siti; O'Neil", '0281637123', 'dua\r\nbaris "kutip"']]);
  });
});

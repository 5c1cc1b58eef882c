import type { ImportField, ImportMapping, ImportPreview } from '../../../shared/domain/customer-import.js';

type Source = ImportPreview['source'];

/** "No. HP / WA" and "phone_number" alike: lower case, letters and digits only. */
const key = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '');

/**
 * Header names by field, as PHPNuxBill, Mikhmon, Gembok Bill, our own export (id and en) and
 * hand-kept Indonesian sheets write them. Order matters within a field: the first header found wins.
 */
const SYNONYMS: Record<ImportField, readonly string[]> = {
  name: ['fullname', 'nama', 'name', 'namapelanggan', 'namalengkap', 'customername', 'pelanggan', 'customer'],
  phone: [
    'phonenumber', 'phone', 'nohp', 'nohpwa', 'nowa', 'nomorhp', 'nomorwa', 'hp', 'wa', 'whatsapp', 'telepon', 'telp', 'notelp',
    'notelepon', 'handphone', 'kontak', 'mobile',
  ],
  address: ['address', 'alamat', 'alamatlengkap'],
  area: ['wilayah', 'area', 'daerah', 'rtrw', 'dusun', 'kampung', 'blok', 'zona', 'zone', 'region'],
  package: ['paket', 'package', 'packagename', 'namapaket', 'profile', 'plan', 'planname', 'internetplan', 'paketinternet'],
  username: ['username', 'pppoeusername', 'usernamepppoe', 'userpppoe', 'user', 'login', 'secret'],
  password: ['pppoepassword', 'passwordpppoe', 'password', 'pass', 'katasandi'],
  serviceType: ['servicetype', 'service', 'layanan', 'jenislayanan', 'tipe', 'type'],
  billingDay: ['tgltagihan', 'tanggaltagihan', 'billingday', 'jatuhtempo', 'tgljatuhtempo', 'tanggaljatuhtempo', 'duedate', 'tglbayar'],
  coordinates: ['koordinat', 'coordinates', 'coordinate', 'latlong', 'latlng', 'lokasi', 'gps', 'maps'],
  latitude: ['latitude', 'lat', 'lintang'],
  longitude: ['longitude', 'long', 'lng', 'lon', 'bujur'],
  notes: ['catatan', 'notes', 'note', 'comment', 'keterangan', 'ket', 'komentar'],
  code: ['kode', 'code', 'kodepelanggan', 'idpelanggan', 'customercode'],
  disabled: ['disabled', 'status'],
};

/** Which export the headers come from, by the columns only that export has. */
function detectSource(keys: ReadonlySet<string>): Source {
  if (keys.has('fullname') && keys.has('username')) return 'phpnuxbill';
  if (keys.has('pppoeusername')) return 'gembok';
  if ((keys.has('kode') && keys.has('nama')) || (keys.has('code') && keys.has('name'))) return 'rrnet';
  if (keys.has('name') && keys.has('profile') && keys.has('password')) return 'mikhmon';
  return 'sheet';
}

/**
 * The mapping suggested from the header row, and the service the file's customers most likely
 * have. Mikhmon's (and a router's) `name` is the login, not the person: it maps to the username,
 * and the customer's name falls back to it when the file has none.
 */
export function suggestMapping(headers: readonly string[]): { mapping: ImportMapping; source: Source; serviceType: 'pppoe' | 'hotspot' } {
  const keys = headers.map(key);
  const source = detectSource(new Set(keys));
  const mapping: ImportMapping = {};
  const used = new Set<number>();
  const claim = (field: ImportField, names: readonly string[]) => {
    for (const name of names) {
      const column = keys.findIndex((k, i) => k === name && !used.has(i));
      if (column >= 0) {
        mapping[field] = column;
        used.add(column);
        return;
      }
    }
  };
  if (source === 'mikhmon') claim('username', ['name']);
  for (const field of Object.keys(SYNONYMS) as ImportField[]) if (mapping[field] === undefined) claim(field, SYNONYMS[field]);
  return { mapping, source, serviceType: source === 'mikhmon' ? 'hotspot' : 'pppoe' };
}

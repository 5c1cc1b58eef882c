import { describe, expect, it } from 'vitest';
import { suggestMapping } from '../../main/customers/import/column-mapping.js';

describe('suggesting the column mapping from the headers', () => {
  it('knows PHPNuxBill customers (pppoe_password over the portal password)', () => {
    const s = suggestMapping(['id', 'username', 'fullname', 'password', 'pppoe_password', 'phonenumber', 'email', 'address', 'service_type', 'coordinates']);
    expect(s.source).toBe('phpnuxbill');
    expect(s.mapping).toEqual({ username: 1, name: 2, password: 4, phone: 5, address: 7, serviceType: 8, coordinates: 9 });
    expect(s.serviceType).toBe('pppoe');
  });

  it("knows Mikhmon's hotspot users: name is the login, the profile the package, the service hotspot", () => {
    const s = suggestMapping(['server', 'name', 'password', 'profile', 'comment']);
    expect(s.source).toBe('mikhmon');
    expect(s.mapping).toEqual({ username: 1, password: 2, package: 3, notes: 4 });
    expect(s.serviceType).toBe('hotspot');
  });

  it('knows Gembok Bill', () => {
    const s = suggestMapping(['name', 'phone', 'pppoe_username', 'package_name', 'address', 'latitude', 'longitude']);
    expect(s.source).toBe('gembok');
    expect(s.mapping).toEqual({ name: 0, phone: 1, username: 2, package: 3, address: 4, latitude: 5, longitude: 6 });
  });

  it('knows a hand-kept Indonesian sheet, whatever its spacing and punctuation', () => {
    const s = suggestMapping(['No', 'Nama', 'No. HP / WA', 'Alamat', 'Paket', 'Tgl Tagihan', 'Koordinat', 'Catatan']);
    expect(s.source).toBe('sheet');
    expect(s.mapping).toEqual({ name: 1, phone: 2, address: 3, package: 4, billingDay: 5, coordinates: 6, notes: 7 });
    expect(suggestMapping(['Nama', 'WA', 'Jatuh Tempo', 'Lat', 'Long']).mapping).toEqual({ name: 0, phone: 1, billingDay: 2, latitude: 3, longitude: 4 });
    expect(suggestMapping(['Nama', 'Telepon']).mapping).toEqual({ name: 0, phone: 1 });
  });

  it('knows our own export, in both languages', () => {
    const id = suggestMapping(['Kode', 'Nama', 'No HP', 'Alamat', 'Paket', 'Harga', 'Username', 'Layanan', 'Tgl Tagihan', 'Latitude', 'Longitude', 'Status', 'Catatan']);
    expect(id.source).toBe('rrnet');
    expect(id.mapping).toEqual({ code: 0, name: 1, phone: 2, address: 3, package: 4, username: 6, serviceType: 7, billingDay: 8, latitude: 9, longitude: 10, disabled: 11, notes: 12 });
    const en = suggestMapping(['Code', 'Name', 'Phone', 'Address', 'Package', 'Price', 'Username', 'Service', 'Billing day', 'Latitude', 'Longitude', 'Status', 'Notes']);
    expect(en.mapping).toEqual(id.mapping);
  });
});

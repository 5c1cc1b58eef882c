import { describe, expect, it } from 'vitest';
import { splitHostPort } from '../../shared/util/host.js';
import { routerCreateSchema } from '../../shared/domain/router.js';

describe('a router address as people paste it', () => {
  it.each([
    ['192.168.88.1', { host: '192.168.88.1', port: null }],
    [' 192.168.88.1:8728 ', { host: '192.168.88.1', port: 8728 }],
    ['router.rtrwnet.id', { host: 'router.rtrwnet.id', port: null }],
    ['router.rtrwnet.id:8729', { host: 'router.rtrwnet.id', port: 8729 }],
    ['MikroTik-Pusat', { host: 'MikroTik-Pusat', port: null }],
    ['fe80::1', { host: 'fe80::1', port: null }],
    ['2001:db8::8a2e:370:7334', { host: '2001:db8::8a2e:370:7334', port: null }],
    ['[2001:db8::1]:8728', { host: '2001:db8::1', port: 8728 }],
    ['[::1]', { host: '::1', port: null }],
  ])('%s', (typed, expected) => {
    expect(splitHostPort(typed)).toEqual(expected);
  });

  it.each(['', '192.168.88.300', '192.168.88', '10.0.0.1:0', '10.0.0.1:65536', '10.0.0.1:port', 'http://10.0.0.1', 'router pusat', '[10.0.0.1]:8728', '2001:db8::zz', '-router.id'])(
    'refuses %j',
    (typed) => {
      expect(splitHostPort(typed)).toBeNull();
    },
  );

  it('puts a pasted port into the port field, over the one in the port box', () => {
    const parsed = routerCreateSchema.parse({ name: 'RB', host: '10.1.1.1:8777', apiPort: 8728, username: 'api', password: 'x' });
    expect(parsed).toMatchObject({ host: '10.1.1.1', apiPort: 8777 });
    expect(routerCreateSchema.parse({ name: 'RB', host: '10.1.1.1', username: 'api', password: 'x' })).toMatchObject({ apiPort: null, tls: false });
  });
});

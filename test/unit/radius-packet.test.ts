import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  errorCause,
  find,
  parse,
  RadiusAttr,
  RadiusCode,
  serialize,
  signRequest,
  text,
  verifyReply,
} from '../../main/isolir/executors/radius/radius-packet.js';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

/** RFC 2865 §7.1: user "nemo" logs in to NAS 192.168.1.16 port 3; the shared secret is "xyzzy5461". */
const RFC_REQUEST = hex(`01 00 00 38 0f 40 3f 94 73 97 80 57 bd 83 d5 cb
  98 f4 22 7a 01 06 6e 65 6d 6f 02 12 0d be 70 8d 93 d4 13 ce 31 96 e4 3f 78 2a 0a ee 04 06 c0 a8
  01 10 05 06 00 00 00 03`);
const RFC_ACCEPT = hex(`02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf
  9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00 0e 06 c0 a8 01 03`);

describe('RADIUS packets', () => {
  it('reads the RFC 2865 example and checks its Response Authenticator with the secret, and only with it', () => {
    const request = parse(RFC_REQUEST);
    const accept = parse(RFC_ACCEPT);
    expect(request && find(request, RadiusAttr.UserName)?.value.toString()).toBe('nemo');
    expect(request && accept && verifyReply(accept, request, 'xyzzy5461')).toBe(true);
    expect(request && accept && verifyReply(accept, request, 'xyzzy5462')).toBe(false);
    expect(serialize(accept ?? { code: 0, identifier: 0, authenticator: Buffer.alloc(16), attributes: [] })).toEqual(RFC_ACCEPT);
  });

  it('a Disconnect-Request: the HMAC over the packet with a zero authenticator, then MD5 over the packet carrying it (RFC 5176 §2.3, §3.5)', () => {
    const { bytes, packet } = signRequest(
      { code: RadiusCode.DisconnectRequest, identifier: 5, attributes: [text(RadiusAttr.UserName, 'budi')] },
      's3cret',
      { messageAuthenticator: true },
    );
    expect(parse(bytes)).toEqual(packet);
    const mac = find(packet, RadiusAttr.MessageAuthenticator)?.value ?? Buffer.alloc(0);
    const zero = Buffer.alloc(16);
    const macZeroed = { ...packet, attributes: packet.attributes.map((a) => (a.type === RadiusAttr.MessageAuthenticator ? { ...a, value: zero } : a)) };
    expect(createHmac('md5', 's3cret').update(serialize({ ...macZeroed, authenticator: zero })).digest()).toEqual(mac);
    const md5 = createHash('md5').update(Buffer.concat([serialize({ ...packet, authenticator: zero }), Buffer.from('s3cret')]));
    expect(md5.digest()).toEqual(packet.authenticator);
  });

  it('malformed bytes are refused, not thrown', () => {
    expect(parse(Buffer.alloc(5))).toBeNull();
    // Length field longer than the datagram.
    expect(parse(hex('29 01 00 40 00000000000000000000000000000000'))).toBeNull();
    // An attribute whose length runs past the packet.
    expect(parse(hex('29 01 00 17 00000000000000000000000000000000 01 09 41'))).toBeNull();
    // An attribute of length 1 (it would never advance).
    expect(parse(hex('29 01 00 16 00000000000000000000000000000000 01 01'))).toBeNull();
  });

  it('reads the Error-Cause of a NAK', () => {
    const nak = parse(hex('2a 01 00 1a 00000000000000000000000000000000 65 06 000001f7'));
    expect(nak && errorCause(nak)).toBe(503);
  });
});

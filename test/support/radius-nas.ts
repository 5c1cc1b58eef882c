import { createHash, createHmac, randomBytes } from 'node:crypto';
import { createSocket } from 'node:dgram';
import {
  find,
  ipv4,
  parse,
  RadiusAttr,
  RadiusCode,
  serialize,
  signRequest,
  text,
  verifyReply,
  type RadiusAttribute,
  type RadiusPacket,
} from '../../main/isolir/executors/radius/radius-packet.js';

/**
 * What a MikroTik says to FreeRADIUS, for the tests: a PPPoE login (Access-Request with PAP and
 * Message-Authenticator, as RouterOS 7.15+ sends it) and the session's Accounting-Start, so
 * radacct's open row is written by FreeRADIUS itself. Replies are checked the way RouterOS does.
 */

const MIKROTIK_VENDOR = 14988;
/** The MikroTik vendor attributes the isolir groups set (/usr/share/freeradius/dictionary.mikrotik). */
const MIKROTIK_ATTRIBUTES: Record<number, string> = { 8: 'Mikrotik-Rate-Limit', 19: 'Mikrotik-Address-List' };
const STANDARD_ATTRIBUTES: Record<number, string> = { [RadiusAttr.FramedPool]: 'Framed-Pool', [RadiusAttr.ReplyMessage]: 'Reply-Message' };

export interface LoginAnswer {
  code: number;
  /** The reply's attributes by dictionary name (standard and MikroTik vendor ones). */
  attributes: Record<string, string>;
  hasMessageAuthenticator: boolean;
  /** Response Authenticator and Message-Authenticator both check out with the secret. */
  signedCorrectly: boolean;
}

/** One datagram to 127.0.0.1:port and the first answer, or null after `timeoutMs`. */
export function exchange(port: number, bytes: Buffer, timeoutMs = 1500): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    const done = (answer: Buffer | null) => {
      clearTimeout(timer);
      socket.close();
      resolve(answer);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    socket.on('message', (message) => done(message));
    socket.on('error', (error) => {
      clearTimeout(timer);
      socket.close();
      reject(error);
    });
    socket.connect(port, '127.0.0.1', () => socket.send(bytes));
  });
}

/** RFC 2865 §5.2: the password XORed with MD5(secret + authenticator), 16 octets at a time. */
function hidePassword(password: string, secret: string, authenticator: Buffer): Buffer {
  const plain = Buffer.from(password, 'utf8');
  const padded = Buffer.alloc(Math.max(16, Math.ceil(plain.length / 16) * 16));
  plain.copy(padded);
  const out = Buffer.alloc(padded.length);
  let previous = authenticator;
  for (let offset = 0; offset < padded.length; offset += 16) {
    const key = createHash('md5').update(Buffer.concat([Buffer.from(secret, 'utf8'), previous])).digest();
    for (let i = 0; i < 16; i++) out[offset + i] = (padded[offset + i] ?? 0) ^ (key[i] ?? 0);
    previous = out.subarray(offset, offset + 16);
  }
  return out;
}

export async function login(port: number, secret: string, username: string, password: string): Promise<LoginAnswer> {
  const authenticator = randomBytes(16);
  const attributes: RadiusAttribute[] = [
    text(RadiusAttr.UserName, username),
    { type: RadiusAttr.UserPassword, value: hidePassword(password, secret, authenticator) },
    ipv4(RadiusAttr.NasIpAddress, '127.0.0.1'),
    { type: RadiusAttr.MessageAuthenticator, value: Buffer.alloc(16) },
  ];
  const request: RadiusPacket = { code: RadiusCode.AccessRequest, identifier: 7, authenticator, attributes };
  // Access-Request: the HMAC covers the packet with its random Request Authenticator in place.
  attributes[attributes.length - 1] = {
    type: RadiusAttr.MessageAuthenticator,
    value: createHmac('md5', secret).update(serialize(request)).digest(),
  };
  const answer = await exchange(port, serialize(request));
  const reply = answer === null ? null : parse(answer);
  if (reply === null) throw new Error('FreeRADIUS did not answer the Access-Request');
  return {
    code: reply.code,
    attributes: named(reply),
    hasMessageAuthenticator: find(reply, RadiusAttr.MessageAuthenticator) !== undefined,
    signedCorrectly: verifyReply(reply, request, secret),
  };
}

function named(packet: RadiusPacket): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { type, value } of packet.attributes) {
    const standard = STANDARD_ATTRIBUTES[type];
    if (standard !== undefined) out[standard] = value.toString('utf8');
    if (type !== RadiusAttr.VendorSpecific || value.readUInt32BE(0) !== MIKROTIK_VENDOR) continue;
    for (let offset = 4; offset + 2 <= value.length; offset += value.readUInt8(offset + 1)) {
      const name = MIKROTIK_ATTRIBUTES[value.readUInt8(offset)];
      if (name !== undefined) out[name] = value.subarray(offset + 2, offset + value.readUInt8(offset + 1)).toString('utf8');
    }
  }
  return out;
}

/** Accounting-Start for a PPPoE session: FreeRADIUS writes radacct's open row from it. */
export async function accountingStart(
  port: number,
  secret: string,
  session: { username: string; acctSessionId: string; framedIp: string },
): Promise<void> {
  const start = Buffer.alloc(4);
  start.writeUInt32BE(1);
  const { bytes } = signRequest(
    {
      code: RadiusCode.AccountingRequest,
      identifier: 9,
      attributes: [
        { type: RadiusAttr.AcctStatusType, value: start },
        text(RadiusAttr.UserName, session.username),
        text(RadiusAttr.AcctSessionId, session.acctSessionId),
        ipv4(RadiusAttr.NasIpAddress, '127.0.0.1'),
        ...(session.framedIp === '' ? [] : [ipv4(RadiusAttr.FramedIpAddress, session.framedIp)]),
      ],
    },
    secret,
    { messageAuthenticator: false },
  );
  const answer = await exchange(port, bytes);
  if (answer === null || parse(answer)?.code !== RadiusCode.AccountingResponse) {
    throw new Error('FreeRADIUS did not acknowledge the Accounting-Start');
  }
}

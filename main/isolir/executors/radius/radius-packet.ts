import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The RADIUS wire format (RFC 2865 §3), just what the executor and its tests need: packets with
 * their attributes, and the three signatures that decide whether a peer accepts them.
 *
 * Signing order matters and is the trap: in a Disconnect-Request (RFC 5176 §2.3) or an
 * Accounting-Request (RFC 2866 §3) the Message-Authenticator (RFC 3579 §3.2, RFC 5176 §3.5) is the
 * HMAC-MD5 of the packet whose authenticator field is still 16 zero octets, and only then is the
 * Request Authenticator computed, as MD5 over the packet that already carries the finished
 * Message-Authenticator. Doing it the other way round (as the npm `radius` package does for
 * CoA/Disconnect) gives a packet FreeRADIUS and RouterOS silently drop.
 */

export const RadiusCode = {
  AccessRequest: 1,
  AccessAccept: 2,
  AccessReject: 3,
  AccountingRequest: 4,
  AccountingResponse: 5,
  DisconnectRequest: 40,
  DisconnectAck: 41,
  DisconnectNak: 42,
  CoaRequest: 43,
  CoaAck: 44,
  CoaNak: 45,
} as const;

export const RadiusAttr = {
  UserName: 1,
  UserPassword: 2,
  NasIpAddress: 4,
  FramedIpAddress: 8,
  ReplyMessage: 18,
  Class: 25,
  VendorSpecific: 26,
  AcctStatusType: 40,
  AcctSessionId: 44,
  EventTimestamp: 55,
  MessageAuthenticator: 80,
  FramedPool: 88,
  ErrorCause: 101,
} as const;

export interface RadiusAttribute {
  type: number;
  value: Buffer;
}

export interface RadiusPacket {
  code: number;
  identifier: number;
  authenticator: Buffer;
  attributes: RadiusAttribute[];
}

const HEADER = 20;
const AUTH_LENGTH = 16;
const MAX_PACKET = 4096;
const ZERO_AUTH = Buffer.alloc(AUTH_LENGTH);

export const text = (type: number, value: string): RadiusAttribute => ({ type, value: Buffer.from(value, 'utf8') });

export function ipv4(type: number, address: string): RadiusAttribute {
  const parts = address.split('.').map(Number);
  if (parts.length !== 4 || parts.some((p) => !Number.isInteger(p) || p < 0 || p > 255)) {
    throw new Error(`not an IPv4 address: ${address}`);
  }
  return { type, value: Buffer.from(parts) };
}

/** The first attribute of a type, or undefined. */
export const find = (packet: RadiusPacket, type: number): RadiusAttribute | undefined =>
  packet.attributes.find((a) => a.type === type);

/** Header and attributes as bytes, with `authenticator` in the authenticator field. */
export function serialize(packet: RadiusPacket): Buffer {
  const body = Buffer.concat(
    packet.attributes.map(({ type, value }) => {
      if (value.length > 253) throw new Error(`attribute ${type} is longer than 253 octets`);
      return Buffer.concat([Buffer.from([type, value.length + 2]), value]);
    }),
  );
  const length = HEADER + body.length;
  if (length > MAX_PACKET) throw new Error('packet longer than 4096 octets');
  const header = Buffer.alloc(4);
  header.writeUInt8(packet.code, 0);
  header.writeUInt8(packet.identifier, 1);
  header.writeUInt16BE(length, 2);
  return Buffer.concat([header, packet.authenticator, body]);
}

/** Null when the bytes are not a well-formed RADIUS packet (a peer's garbage is ignored, not thrown). */
export function parse(bytes: Buffer): RadiusPacket | null {
  if (bytes.length < HEADER) return null;
  const length = bytes.readUInt16BE(2);
  if (length < HEADER || length > bytes.length || length > MAX_PACKET) return null;
  const attributes: RadiusAttribute[] = [];
  let offset = HEADER;
  while (offset < length) {
    if (offset + 2 > length) return null;
    const type = bytes.readUInt8(offset);
    const size = bytes.readUInt8(offset + 1);
    if (size < 2 || offset + size > length) return null;
    attributes.push({ type, value: Buffer.from(bytes.subarray(offset + 2, offset + size)) });
    offset += size;
  }
  return {
    code: bytes.readUInt8(0),
    identifier: bytes.readUInt8(1),
    authenticator: Buffer.from(bytes.subarray(4, HEADER)),
    attributes,
  };
}

const md5 = (...parts: Buffer[]): Buffer => createHash('md5').update(Buffer.concat(parts)).digest();
const hmacMd5 = (secret: string, bytes: Buffer): Buffer => createHmac('md5', secret).update(bytes).digest();
const same = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** The packet with its Message-Authenticator zeroed (or appended zeroed when `add`), and its index. */
function withZeroedMessageAuthenticator(packet: RadiusPacket, add: boolean): { packet: RadiusPacket; index: number } {
  const attributes = packet.attributes.map((a) =>
    a.type === RadiusAttr.MessageAuthenticator ? { type: a.type, value: Buffer.alloc(AUTH_LENGTH) } : a,
  );
  let index = attributes.findIndex((a) => a.type === RadiusAttr.MessageAuthenticator);
  if (index < 0 && add) {
    attributes.push({ type: RadiusAttr.MessageAuthenticator, value: Buffer.alloc(AUTH_LENGTH) });
    index = attributes.length - 1;
  }
  return { packet: { ...packet, attributes }, index };
}

/** HMAC-MD5 over the packet as it stands with its Message-Authenticator zeroed, written into it. */
function fillMessageAuthenticator(packet: RadiusPacket, secret: string): RadiusPacket {
  const { packet: zeroed, index } = withZeroedMessageAuthenticator(packet, true);
  const attributes = [...zeroed.attributes];
  attributes[index] = { type: RadiusAttr.MessageAuthenticator, value: hmacMd5(secret, serialize(zeroed)) };
  return { ...zeroed, attributes };
}

/**
 * A Disconnect-, CoA- or Accounting-Request, signed: Message-Authenticator first (over the packet
 * with a zero authenticator), then the Request Authenticator MD5(packet with zero authenticator +
 * secret). Returns the bytes to send and the packet as sent (its authenticator checks the reply).
 */
export function signRequest(
  request: Omit<RadiusPacket, 'authenticator'>,
  secret: string,
  options: { messageAuthenticator: boolean },
): { bytes: Buffer; packet: RadiusPacket } {
  let packet: RadiusPacket = { ...request, authenticator: ZERO_AUTH };
  if (options.messageAuthenticator) packet = fillMessageAuthenticator(packet, secret);
  const authenticator = md5(serialize(packet), Buffer.from(secret, 'utf8'));
  const signed = { ...packet, authenticator };
  return { bytes: serialize(signed), packet: signed };
}

/**
 * Whether a reply was signed with our secret for our request: the Response Authenticator is
 * MD5(code, identifier, length, the request's authenticator, attributes, secret) (RFC 2865 §3), and
 * a Message-Authenticator, when present, is the HMAC-MD5 of the reply with the request's
 * authenticator in place and itself zeroed (RFC 3579 §3.2).
 */
export function verifyReply(reply: RadiusPacket, request: RadiusPacket, secret: string): boolean {
  if (reply.identifier !== request.identifier) return false;
  const asSigned = serialize({ ...reply, authenticator: request.authenticator });
  if (!same(md5(asSigned, Buffer.from(secret, 'utf8')), reply.authenticator)) return false;
  const given = find(reply, RadiusAttr.MessageAuthenticator);
  if (given === undefined) return true;
  const { packet: zeroed } = withZeroedMessageAuthenticator({ ...reply, authenticator: request.authenticator }, false);
  return same(hmacMd5(secret, serialize(zeroed)), given.value);
}

/** An Error-Cause attribute's value (RFC 5176 §3.6), or null when the reply has none. */
export function errorCause(packet: RadiusPacket): number | null {
  const attribute = find(packet, RadiusAttr.ErrorCause);
  return attribute !== undefined && attribute.value.length === 4 ? attribute.value.readUInt32BE(0) : null;
}


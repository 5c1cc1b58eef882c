import { createHash } from 'node:crypto';
import { createSocket, type RemoteInfo } from 'node:dgram';
import {
  parse,
  RadiusAttr,
  RadiusCode,
  serialize,
  type RadiusAttribute,
  type RadiusPacket,
} from '../../main/isolir/executors/radius/radius-packet.js';

/**
 * A router's "RADIUS > Incoming" port with faults FreeRADIUS cannot be made to show: it answers a
 * Disconnect-Request as scripted (ACK, NAK with an Error-Cause, signed with another secret, or
 * not at all) and keeps every datagram it got, so a test can count tries and compare their bytes.
 * It signs answers as RFC 5176 says (Response Authenticator over the request's authenticator).
 */
export type NasBehaviour = 'ack' | 'silent' | { nak: number } | { ackSignedWith: string };

export interface FakeNas {
  readonly port: number;
  readonly received: readonly Buffer[];
  behave(behaviour: NasBehaviour): void;
  close(): Promise<void>;
}

export async function startFakeNas(secret: string, initial: NasBehaviour = 'ack'): Promise<FakeNas> {
  const socket = createSocket('udp4');
  const received: Buffer[] = [];
  let behaviour = initial;

  socket.on('message', (message: Buffer, from: RemoteInfo) => {
    received.push(message);
    const request = parse(message);
    if (request === null || request.code !== RadiusCode.DisconnectRequest || behaviour === 'silent') return;
    const answer =
      behaviour === 'ack'
        ? sign(request, RadiusCode.DisconnectAck, [], secret)
        : 'nak' in behaviour
          ? sign(request, RadiusCode.DisconnectNak, [errorCause(behaviour.nak)], secret)
          : sign(request, RadiusCode.DisconnectAck, [], behaviour.ackSignedWith);
    socket.send(answer, from.port, from.address);
  });

  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  return {
    port: socket.address().port,
    received,
    behave(next) {
      behaviour = next;
    },
    close: () => new Promise<void>((resolve) => socket.close(() => resolve())),
  };
}

function errorCause(cause: number): RadiusAttribute {
  const value = Buffer.alloc(4);
  value.writeUInt32BE(cause);
  return { type: RadiusAttr.ErrorCause, value };
}

/** Response Authenticator = MD5(code, identifier, length, request authenticator, attributes, secret). */
function sign(request: RadiusPacket, code: number, attributes: RadiusAttribute[], secret: string): Buffer {
  const unsigned = serialize({ code, identifier: request.identifier, authenticator: request.authenticator, attributes });
  const authenticator = createHash('md5').update(Buffer.concat([unsigned, Buffer.from(secret, 'utf8')])).digest();
  return serialize({ code, identifier: request.identifier, authenticator, attributes });
}

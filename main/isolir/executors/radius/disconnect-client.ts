import { createSocket, type Socket } from 'node:dgram';
import { isIPv4 } from 'node:net';
import type { ExecutorResult } from '../executor.js';
import { executorFailure } from '../executor-failures.js';
import { errorCause, ipv4, parse, RadiusAttr, RadiusCode, signRequest, text, verifyReply, type RadiusPacket } from './radius-packet.js';

/** Where a router takes Disconnect-Requests: MikroTik's "RADIUS > Incoming" listens on UDP 3799. */
export interface NasAddress {
  host: string;
  port: number;
  secret: string;
}

/** The live session to end, as the router knows it (from radacct's open row). */
export interface SessionToEnd {
  username: string;
  acctSessionId: string;
  /** MikroTik finds the session by its address (left out when accounting reported none). */
  framedIp: string;
}

export interface DisconnectTiming {
  /** How long to wait for an answer to each try. */
  timeoutMs: number;
  /** Further tries after the first, each the very same packet (RFC 5176 §2.3: same identifier and authenticator). */
  retries: number;
}

/** RFC 5176 §3.6 Error-Cause values, named for the history. */
const ERROR_CAUSES: Record<number, string> = {
  201: 'Residual-Session-Context-Removed',
  202: 'Invalid-EAP-Packet',
  401: 'Unsupported-Attribute',
  402: 'Missing-Attribute',
  403: 'NAS-Identification-Mismatch',
  404: 'Invalid-Request',
  405: 'Unsupported-Service',
  406: 'Unsupported-Extension',
  407: 'Invalid-Attribute-Value',
  501: 'Administratively-Prohibited',
  502: 'Request-Not-Routable',
  503: 'Session-Context-Not-Found',
  504: 'Session-Context-Not-Removable',
  505: 'Other-Proxy-Processing-Error',
  506: 'Resources-Unavailable',
  507: 'Request-Initiated',
  508: 'Multiple-Session-Selection-Unsupported',
};
const SESSION_CONTEXT_NOT_FOUND = 503;
const RESOURCES_UNAVAILABLE = 506;

/** Socket errors that mean the address leads nowhere (as opposed to "nothing listens on the port"). */
const UNREACHABLE = new Set(['EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EADDRNOTAVAIL']);

/**
 * Sends one RFC 5176 Disconnect-Request and classifies the answer. Only a reply signed with our
 * secret for this very request counts: anything else is dropped, as a RADIUS peer would, and is
 * remembered so that silence afterwards can be named a secret mismatch rather than an absent router.
 */
export class DisconnectClient {
  /** Identifiers need not be unique across requests (each uses its own socket); a counter keeps them deterministic. */
  private lastIdentifier = 0;

  constructor(private readonly timing: DisconnectTiming) {}

  async disconnect(nas: NasAddress, session: SessionToEnd): Promise<ExecutorResult> {
    this.lastIdentifier = (this.lastIdentifier + 1) % 256;
    const { bytes, packet } = signRequest(
      {
        code: RadiusCode.DisconnectRequest,
        identifier: this.lastIdentifier,
        attributes: [
          text(RadiusAttr.UserName, session.username),
          text(RadiusAttr.AcctSessionId, session.acctSessionId),
          ...(!isIPv4(session.framedIp) ? [] : [ipv4(RadiusAttr.FramedIpAddress, session.framedIp)]),
        ],
      },
      nas.secret,
      { messageAuthenticator: true },
    );
    const where = `${nas.host}:${nas.port}`;
    const exchange = await this.exchange(nas, bytes, packet);
    switch (exchange.kind) {
      case 'socket-error':
        return {
          outcome: 'failed',
          failure: executorFailure(UNREACHABLE.has(exchange.code) ? 'NAS_UNREACHABLE' : 'NAS_NOT_LISTENING', `${exchange.code} from ${where}`),
        };
      case 'silence':
        return exchange.foreignReplies > 0
          ? {
              outcome: 'failed',
              failure: executorFailure(
                'NAS_WRONG_SECRET',
                `${exchange.foreignReplies} answer(s) from ${where} not signed with our secret, dropped`,
              ),
            }
          : {
              outcome: 'unknown',
              failure: executorFailure('NAS_NO_ANSWER', `no answer from ${where} after ${this.timing.retries + 1} tries`),
            };
      case 'reply':
        return classifyReply(exchange.reply, session, where);
    }
  }

  private exchange(
    nas: NasAddress,
    bytes: Buffer,
    request: RadiusPacket,
  ): Promise<{ kind: 'reply'; reply: RadiusPacket } | { kind: 'silence'; foreignReplies: number } | { kind: 'socket-error'; code: string }> {
    return new Promise((resolve) => {
      const socket: Socket = createSocket(nas.host.includes(':') ? 'udp6' : 'udp4');
      let triesLeft = this.timing.retries + 1;
      let foreignReplies = 0;
      let timer: NodeJS.Timeout | undefined;
      const finish = (result: Parameters<typeof resolve>[0]) => {
        clearTimeout(timer);
        socket.removeAllListeners();
        // A late ICMP error after close must not become an unhandled 'error'.
        socket.on('error', () => undefined);
        socket.close();
        resolve(result);
      };
      const send = () => {
        if (triesLeft === 0) return finish({ kind: 'silence', foreignReplies });
        triesLeft -= 1;
        socket.send(bytes);
        timer = setTimeout(send, this.timing.timeoutMs);
      };
      socket.on('error', (error: NodeJS.ErrnoException) => finish({ kind: 'socket-error', code: error.code ?? error.message }));
      socket.on('message', (message) => {
        const reply = parse(message);
        if (reply === null) return;
        const answers = reply.code === RadiusCode.DisconnectAck || reply.code === RadiusCode.DisconnectNak;
        if (answers && verifyReply(reply, request, nas.secret)) finish({ kind: 'reply', reply });
        else if (reply.identifier === request.identifier) foreignReplies += 1;
      });
      // connect() makes the kernel report "port unreachable" (nothing listens) as ECONNREFUSED.
      socket.connect(nas.port, nas.host, send);
    });
  }
}

function classifyReply(reply: RadiusPacket, session: SessionToEnd, where: string): ExecutorResult {
  const ended = `session ${session.acctSessionId} of ${session.username} (${session.framedIp})`;
  if (reply.code === RadiusCode.DisconnectAck) return { outcome: 'applied', confirmed: `${where} acknowledged: ${ended} ended` };
  const cause = errorCause(reply);
  const causeName = cause === null ? 'no Error-Cause' : `Error-Cause ${cause} ${ERROR_CAUSES[cause] ?? 'unknown'}`;
  // The router has no such session: it ended already (a second run, or the customer went offline),
  // so the next login meets the new group. Nothing is left running with the old attributes.
  if (cause === SESSION_CONTEXT_NOT_FOUND) {
    return { outcome: 'applied', confirmed: `${where} has no ${ended} (${causeName}): already ended` };
  }
  const code = cause === RESOURCES_UNAVAILABLE ? 'NAS_BUSY' : 'NAS_REFUSED';
  return { outcome: 'failed', failure: executorFailure(code, `${where} refused to end ${ended}: Disconnect-NAK, ${causeName}`) };
}

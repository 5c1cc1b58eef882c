import { connect, createServer } from 'node:net';
import type { ProbeHealthAnswer, ProbeTestAnswer, RouterProbe, RouterTarget } from '../../main/network/index.js';

/** A loopback port that was just free and is now closed: connecting to it is refused for real. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const DOWN = { reachable: false, identity: null, version: null } as const;

/**
 * Opens a real TCP connection and says only what TCP can tell: refused or silent. It stands where
 * the RouterOS client will, to show the handlers pass the right target and carry its answer; a
 * port that answers is beyond it (COMMAND_FAILED, so a test that reaches one fails loudly).
 */
export function tcpProbe(timeoutMs = 2_000): RouterProbe {
  const knock = (target: RouterTarget) =>
    new Promise<'UNREACHABLE' | 'TIMEOUT' | 'COMMAND_FAILED'>((resolve) => {
      const socket = connect({ host: target.host, port: target.port });
      const done = (code: 'UNREACHABLE' | 'TIMEOUT' | 'COMMAND_FAILED') => {
        socket.destroy();
        resolve(code);
      };
      socket.setTimeout(timeoutMs, () => done('TIMEOUT'));
      socket.once('error', () => done('UNREACHABLE'));
      socket.once('connect', () => done('COMMAND_FAILED'));
    });
  return {
    async test(target) {
      return { ...DOWN, writeRights: null, problem: { code: await knock(target), detail: 'tcp probe' } };
    },
    async health(target) {
      return { ...DOWN, cpuLoad: null, uptime: null, pppoeActive: null, hotspotActive: null, problem: { code: await knock(target) } };
    },
  };
}

/** Answers as a healthy hAP on RouterOS 7 would, and remembers every target it was handed. */
export function recordingProbe(answers: { test?: Partial<ProbeTestAnswer>; health?: Partial<ProbeHealthAnswer> } = {}) {
  const targets: RouterTarget[] = [];
  const probe: RouterProbe = {
    test(target) {
      targets.push(target);
      return Promise.resolve({ reachable: true, identity: 'MikroTik-Pusat', version: '7.16.2', writeRights: true, problem: null, ...answers.test });
    },
    health(target) {
      targets.push(target);
      return Promise.resolve({
        reachable: true,
        identity: 'MikroTik-Pusat',
        version: '7.16.2',
        cpuLoad: 7,
        uptime: 3 * 86_400 + 3_600,
        pppoeActive: 212,
        hotspotActive: 9,
        problem: null,
        ...answers.health,
      });
    },
  };
  return { probe, targets };
}

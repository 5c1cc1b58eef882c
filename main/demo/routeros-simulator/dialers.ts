import type { RouterOsServer, Row } from './routeros-simulator.js';

/** Each account's menu and where its session shows, with the session's own name column. */
const SERVICES = [
  { accounts: '/ppp/secret', active: '/ppp/active', name: 'name', device: 'caller-id' },
  { accounts: '/ip/hotspot/user', active: '/ip/hotspot/active', name: 'user', device: 'mac-address' },
] as const;

/** A stable 32-bit number per account: the same customer gets the same address and device every time. */
function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const mac = (h: number) => ['4C', '5E', ...[16, 8, 0, 24].map((shift) => ((h >>> shift) & 0xff).toString(16).padStart(2, '0').toUpperCase())].join(':');

/** RouterOS's duration: "2h5m7s". */
function uptime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return `${h > 0 ? `${h}h` : ''}${h > 0 || m > 0 ? `${m}m` : ''}${s}s`;
}

/**
 * The demo customers' routers at home: every enabled account keeps a session up, dialling again
 * within a few seconds of being cut off (as a real CPE does after an isolir or a reconnect), and
 * none while its account is disabled or gone. Runs beside the simulator, changing its menus as
 * clients dialling in would.
 */
export function startDialers(router: RouterOsServer, everyMs = 5_000, now = () => Date.now()): { stop(): void } {
  const since = new Map<string, number>();
  const tick = () => {
    const at = now();
    for (const service of SERVICES) {
      const enabled = new Set(router.table(service.accounts).filter((a) => a.disabled !== 'true' && a.disabled !== 'yes' && a.name).map((a) => a.name as string));
      const sessions = router.table(service.active);
      // Cut off: the account was disabled or removed.
      for (let i = sessions.length - 1; i >= 0; i--) {
        const name = (sessions[i] as Row)[service.name] ?? '';
        if (!enabled.has(name)) sessions.splice(i, 1);
      }
      const up = new Set(sessions.map((s) => s[service.name]));
      const dialling: Row[] = [];
      for (const name of enabled) {
        if (up.has(name)) continue;
        const h = hash(name);
        since.set(`${service.active}:${name}`, at);
        dialling.push({ [service.name]: name, address: `10.20.${(h >>> 8) & 0xff}.${2 + (h % 250)}`, [service.device]: mac(h), uptime: '0s' });
      }
      if (dialling.length > 0) router.seed(service.active, dialling);
      for (const session of sessions) {
        const started = since.get(`${service.active}:${session[service.name] ?? ''}`);
        if (started !== undefined) session.uptime = uptime(Math.floor((at - started) / 1_000));
      }
    }
  };
  tick();
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

import type { ProbeHealthAnswer, ProbeTestAnswer, RouterProbe, RouterTarget } from '../../router-probe.js';
import type { RouterApi } from './router-api.js';
import { RouterError } from './router-error.js';

const NOT_READ = { identity: null, version: null } as const;

/**
 * "Tes koneksi" and the health panel over the RouterOS API. A test logs in afresh with what the
 * form holds; health goes through the kept connection of the router at that address.
 */
export function routerOsProbe(api: RouterApi): RouterProbe {
  return {
    async test(target: RouterTarget): Promise<ProbeTestAnswer> {
      const check = await api.testConnection(target);
      if (!check.ok) return { reachable: false, ...NOT_READ, writeRights: null, problem: { code: check.error.code, detail: check.error.detail } };
      // Reached and logged in, but isolir and provisioning write: a read-only user is a problem to fix now, not on the first isolation.
      const problem = check.writeRights ? null : { code: 'NO_WRITE_RIGHTS' as const };
      return { reachable: true, identity: check.identity, version: check.version, writeRights: check.writeRights, problem };
    },
    async health(target: RouterTarget): Promise<ProbeHealthAnswer> {
      try {
        const h = await api.health({ id: `health:${target.host}:${target.port}:${target.username}`, ...target });
        return {
          reachable: true,
          identity: h.identity,
          version: h.version,
          cpuLoad: h.cpuLoadPercent,
          uptime: h.uptimeSeconds,
          pppoeActive: h.pppoeActive,
          hotspotActive: h.hotspotActive,
          problem: null,
        };
      } catch (error) {
        if (!(error instanceof RouterError)) throw error;
        return { reachable: false, ...NOT_READ, cpuLoad: null, uptime: null, pppoeActive: null, hotspotActive: null, problem: { code: error.code, detail: error.detail } };
      }
    },
  };
}

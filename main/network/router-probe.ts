import type { RouterProbeCode } from '../../shared/domain/router.js';

/** Where and as whom to log in: the password comes unsealed from the routers service, only for the call. */
export interface RouterTarget {
  host: string;
  port: number;
  tls: boolean;
  username: string;
  password: string;
}

/** Why a router could not be used, classified; `detail` carries the router's own words (a !trap message). */
export interface ProbeProblem {
  code: RouterProbeCode;
  detail?: string;
}

export interface ProbeTestAnswer {
  reachable: boolean;
  identity: string | null;
  version: string | null;
  writeRights: boolean | null;
  problem: ProbeProblem | null;
}

export interface ProbeHealthAnswer {
  reachable: boolean;
  identity: string | null;
  version: string | null;
  cpuLoad: number | null;
  /** Seconds since boot. */
  uptime: number | null;
  pppoeActive: number | null;
  hotspotActive: number | null;
  problem: ProbeProblem | null;
}

/**
 * The port "Tes koneksi" and the health panel go through. The RouterOS API client (the `routeros`
 * adapter, with its connection pool) fills it when the core is composed; the network module takes
 * it as a required option, so no build can quietly run without one.
 */
export interface RouterProbe {
  /** Logs in and reads identity, version and whether the user may write. Answers, never throws, for a router's failure. */
  test(target: RouterTarget): Promise<ProbeTestAnswer>;
  /** Reads the router's state now. Answers, never throws, for a router's failure. */
  health(target: RouterTarget): Promise<ProbeHealthAnswer>;
}

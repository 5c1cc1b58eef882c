export { RoutersService, type RouterIsolirSetup } from './routers-service.js';
export { networkModule, type NetworkOptions } from './network-module.js';
export type { RouterProbe, RouterTarget, ProbeProblem, ProbeTestAnswer, ProbeHealthAnswer } from './router-probe.js';
export type { RouterUsers } from './router-users.js';
export { RouterError, type RouterApi, type RouterRef, type Row } from './adapters/routeros/index.js';

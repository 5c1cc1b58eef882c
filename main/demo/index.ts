export { DemoSeeder, type DemoOptions } from './demo-seeder.js';
export { demoModule } from './demo-module.js';
export { DEMO_ROUTER, type DemoRouters } from './demo-router.js';
export { startDialers } from './routeros-simulator/dialers.js';
export {
  startRouterOsServer,
  type CommandFault,
  type ConnectionFault,
  type ReceivedCommand,
  type RouterOsServer,
  type RouterOsServerOptions,
  type RouterOsUser,
  type RouterOsVersion,
  type Row,
} from './routeros-simulator/routeros-simulator.js';
export { encodeLength, encodeSentence, SentenceReader } from './routeros-simulator/routeros-wire.js';

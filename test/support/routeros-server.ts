// The wire-level RouterOS fake lives with the demo, which runs it as its router; the tests use the same one.
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
} from '../../main/demo/index.js';

// The wire-level RouterOS fake lives with the demo, which runs it as its router; the tests use the
// same one through the demo's face (its simulator, its wire codec).
export * from '../../main/demo/index.js';

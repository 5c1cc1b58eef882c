export * from './phone.js';
export * from './money.js';
export * from './time.js';
export * from './coordinates.js';

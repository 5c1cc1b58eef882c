export { EventBus, type EventHandler } from './event-bus.js';

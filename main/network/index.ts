export { RoutersService } from './routers-service.js';

export { RoutersService } from './routers-service.js';
export { networkModule } from './network-module.js';

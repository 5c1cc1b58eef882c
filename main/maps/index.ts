export { TopologyService } from './topology-service.js';
export { mapsModule } from './maps-module.js';

export { TopologyService } from './topology-service.js';

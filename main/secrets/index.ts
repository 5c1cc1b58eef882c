export { createSecretBox, type SecretBox } from './secret-box.js';
export { loadOrCreateKeyFile } from './key-file.js';

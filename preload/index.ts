import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge.js';

// Built as CommonJS (out/preload/index.cjs): a sandboxed preload cannot be an ES module.
contextBridge.exposeInMainWorld('rrnet', createBridge(ipcRenderer));

import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { coreFloorsRule } from './eslint/core-floors-rule.js';

/**
 * The layering rule of DESIGN.md ("The house"): renderer -> shared, preload -> shared,
 * electron -> main + shared, main -> shared, server -> shared; only electron/ and preload/ import
 * 'electron'. Imports between our folders are relative (no path aliases), so a layer is recognised
 * by `../` segments followed by its top-level folder name: folders inside a layer must not reuse
 * the names main, electron, preload or renderer.
 */
const SEE = 'see DESIGN.md, "The house"';
const LAYER_ROLES = {
  main: 'the core is reached through the contract',
  electron: 'the shell sits on top: nothing imports it',
  preload: 'the bridge is loaded by Electron alone',
  renderer: 'nothing imports the UI',
};
/**
 * The core's internal floors, lowest first (main/README.md, "The floors"). A folder of main/ imports
 * its own floor and those below, never above; a new module is one name in its floor's list.
 */
const CORE_FLOORS = [
  { name: 'kernel', folders: ['platform', 'db', 'secrets'] },
  // module-kit: the handler types and the module definition every module is written against.
  { name: 'infrastructure', folders: ['bus', 'jobs', 'module-kit'] },
  { name: 'tenancy', folders: ['tenant', 'accounts'] },
  {
    name: 'feature modules',
    folders: ['customers', 'templates', 'network', 'maps', 'wa', 'demo', 'setup', 'system', 'isolir', 'provisioning', 'sessions', 'documents', 'billing', 'collector', 'sync'],
  },
  { name: 'api', folders: ['api'] },
  { name: 'core', folders: ['core'] },
  { name: 'web', folders: ['web'] },
];
/** Below the api every folder is a module or a kernel part with a face: others use its index.ts only. */
const FACE_ONLY = CORE_FLOORS.slice(0, 4).flatMap((f) => f.folders);

const RENDERER_BUILD_CONFIG = 'renderer/*.config.ts';
const builtins = builtinModules.filter((m) => !m.startsWith('_')).join('|');

/** One folder's import limits: the layers it may not reach, and why it may not use electron or Node. */
function layerRule(folder, { layers, electron, node, files = [`${folder}/**`], ignores = [] }) {
  const paths = [];
  const patterns = layers.map((name) => ({
    regex: `^(\\.\\./)+${name}(/|$)`,
    message: `${folder}/ must not import ${name}/ (${LAYER_ROLES[name]}); ${SEE}.`,
  }));
  if (electron) {
    paths.push({ name: 'electron', message: `${electron}; ${SEE}.` });
    // electron/main, electron/renderer, electron/common: the same module under other names.
    patterns.push({ regex: '^electron/', message: `${electron}; ${SEE}.` });
  }
  if (node) patterns.push({ regex: `^(node:.*|(${builtins})(/.*)?)$`, message: `${node}; ${SEE}.` });
  return { files, ignores, rules: { '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns }] } };
}

export default defineConfig([
  globalIgnores(['out/', 'dist/', 'node_modules/', 'release/', 'test-results/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      // Plain .js files here are Node configs and scripts; TypeScript checks globals in .ts files.
      globals: { process: 'readonly', console: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // Tool configs that must be CommonJS (.puppeteerrc.cjs and the like).
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' } },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layerRule('shared', {
    layers: ['main', 'electron', 'preload', 'renderer'],
    electron: 'shared/ is the contract every side loads: it must never import electron',
    node: 'shared/ is loaded by the renderer too: pure code only, no Node builtins',
  }),
  layerRule('main', {
    layers: ['electron', 'preload', 'renderer'],
    electron: 'main/ is plain Node: it must never import electron',
  }),
  {
    files: ['main/**/*.ts'],
    plugins: { rrnet: { rules: { 'core-floors': coreFloorsRule } } },
    rules: { 'rrnet/core-floors': ['error', { floors: CORE_FLOORS, faceOnly: FACE_ONLY, see: 'see main/README.md, "The floors"' }] },
  },
  layerRule('renderer', {
    layers: ['main', 'electron', 'preload'],
    electron: 'renderer/ is a sandboxed web page: it reaches Electron only through window.rrnet (preload/)',
    node: 'renderer/ runs in a browser (Electron sandbox or web mode): no Node builtins',
    ignores: [RENDERER_BUILD_CONFIG],
  }),
  // The renderer's Vite config is build tooling run by Node, not part of the page.
  layerRule('renderer', { layers: ['main', 'electron', 'preload'], files: [RENDERER_BUILD_CONFIG] }),
  layerRule('preload', {
    layers: ['main', 'electron', 'renderer'],
    node: 'preload/ runs sandboxed, where Node builtins are unavailable: use shared/ and electron only',
  }),
  layerRule('electron', { layers: ['preload', 'renderer'] }),
  layerRule('server', {
    layers: ['main', 'electron', 'preload', 'renderer'],
    electron: 'server/ is the cloud sync API: it shares only shared/ with the console',
  }),
]);

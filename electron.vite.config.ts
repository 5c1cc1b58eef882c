import { fileURLToPath } from 'node:url';
import { defineConfig, type UserConfig as ElectronViteConfig } from 'electron-vite';
import { loadConfigFromFile, type Plugin, type UserConfig } from 'vite';

/**
 * The desktop build: out/electron (main.js and core-host.js, the core's utilityProcess),
 * out/preload/index.cjs and out/renderer. The renderer's settings live in renderer/vite.config.ts,
 * shared with web mode; they are loaded from there, not copied.
 */
const fromRoot = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig(async (env): Promise<ElectronViteConfig> => {
  const renderer = await loadConfigFromFile(env, fromRoot('renderer/vite.config.ts'));
  if (!renderer) throw new Error('renderer/vite.config.ts not found');
  const rendererConfig: UserConfig = renderer.config;

  return {
    main: {
      build: {
        outDir: 'out/electron',
        rolldownOptions: {
          input: { main: fromRoot('electron/main.ts'), 'core-host': fromRoot('electron/core-host.ts') },
          // Native addon: loaded from node_modules (unpacked from the asar), never bundled.
          external: ['better-sqlite3'],
        },
      },
    },
    preload: {
      build: {
        outDir: 'out/preload',
        // A sandboxed preload can require nothing but 'electron': bundle zod and shared/ into it.
        externalizeDeps: false,
        rolldownOptions: {
          input: { index: fromRoot('preload/index.ts') },
          output: { format: 'cjs', entryFileNames: '[name].cjs' },
        },
      },
    },
    renderer: {
      ...rendererConfig,
      plugins: [...(rendererConfig.plugins ?? []), devServerCspFromShell()],
      build: {
        ...rendererConfig.build,
        rolldownOptions: { ...rendererConfig.build?.rolldownOptions, input: fromRoot('renderer/index.html') },
      },
    },
  };
});

/**
 * In `npm start` the page comes from Vite's dev server, whose React fast refresh needs an inline
 * script that the page's own CSP meta tag forbids. The shell sends a CSP header instead
 * (electron/renderer-source.ts), relaxed for the dev server only; built pages keep their tag.
 */
function devServerCspFromShell(): Plugin {
  return {
    name: 'rrnet:dev-server-csp-from-shell',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>\s*/i, ''),
  };
}

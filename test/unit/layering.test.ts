import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The layering rule of DESIGN.md is enforced by eslint.config.js. These cases lint snippets as if
 * they lived in each folder, so a config change that lets a forbidden import through fails CI.
 */
const cwd = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({ cwd });
});

/** The findings of `rule` (snippets have unused imports; other rules are not under test here). */
async function problems(file: string, code: string, rule = '@typescript-eslint/no-restricted-imports'): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: `${cwd}/${file}` });
  return (result?.messages ?? []).filter((m) => m.ruleId === rule || m.fatal).map((m) => m.message);
}

const forbidden: [file: string, code: string, says: string][] = [
  ['main/x.ts', "import { app } from 'electron';", 'main/ is plain Node: it must never import electron'],
  ['main/core/x.ts', "import { ipcMain } from 'electron/main';", 'main/ is plain Node'],
  ['main/core/x.ts', "import { createMainWindow } from '../../electron/window.js';", 'must not import electron/'],
  ['main/x.ts', "import '../renderer/src/main.js';", 'must not import renderer/'],
  ['main/x.ts', "import '../preload/bridge.js';", 'must not import preload/'],
  ['main/x.ts', "import electron = require('electron');", 'main/ is plain Node'],
  ['renderer/src/x.ts', "import '../main/core/index.js';", 'renderer/ must not import main/'],
  ['renderer/src/screens/x.tsx', "import type { Core } from '../../../main/core/index.js';", 'renderer/ must not import main/'],
  ['renderer/src/x.ts', "import { ipcRenderer } from 'electron';", 'window.rrnet'],
  ['renderer/src/x.ts', "import '../../preload/bridge.js';", 'must not import preload/'],
  ['renderer/src/x.ts', "import { readFileSync } from 'node:fs';", 'no Node builtins'],
  ['renderer/src/x.ts', "import { join } from 'path';", 'no Node builtins'],
  ['shared/x.ts', "import '../main/x.js';", 'shared/ must not import main/'],
  ['shared/contract/x.ts', "export * from '../../main/api/index.js';", 'shared/ must not import main/'],
  ['shared/x.ts', "import { app } from 'electron';", 'must never import electron'],
  ['shared/util/x.ts', "import { randomBytes } from 'node:crypto';", 'no Node builtins'],
  ['preload/x.ts', "import { createCore } from '../main/core/index.js';", 'preload/ must not import main/'],
  ['preload/x.ts', "import { readFileSync } from 'node:fs';", 'sandboxed'],
  ['electron/x.ts', "import '../renderer/src/main.js';", 'electron/ must not import renderer/'],
  ['server/x.ts', "import { createCore } from '../main/core/index.js';", 'server/ must not import main/'],
];

const allowed: [file: string, code: string][] = [
  ['main/core/x.ts', "import { join } from 'node:path';\nimport { contract } from '../../shared/contract/index.js';\nimport { openDatabase } from '../db/index.js';"],
  ['renderer/src/x.ts', "import { createContractClient } from '../../shared/contract/client.js';\nimport { create } from 'zustand';"],
  ['renderer/vite.config.ts', "import { fileURLToPath } from 'node:url';"],
  ['shared/contract/x.ts', "import { z } from 'zod';\nimport { phoneSchema } from '../domain/customer.js';"],
  ['preload/x.ts', "import { contextBridge } from 'electron';\nimport { METHOD_NAMES } from '../shared/contract/index.js';"],
  ['electron/x.ts', "import { app } from 'electron';\nimport { createCore } from '../main/core/index.js';\nimport { METHOD_NAMES } from '../shared/contract/index.js';"],
  ['test/unit/x.test.ts', "import { createCore } from '../../main/core/index.js';"],
];

describe('layering rule (eslint.config.js)', () => {
  it.each(forbidden)('%s: %s is an error', async (file, code, says) => {
    const found = await problems(file, code);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(says);
  });

  it.each(allowed)('%s: %s is allowed', async (file, code) => {
    expect(await problems(file, code)).toEqual([]);
  });

  it('forbids explicit any', async () => {
    expect(await problems('main/x.ts', 'export const x: any = 1;', '@typescript-eslint/no-explicit-any')).toHaveLength(1);
  });
});

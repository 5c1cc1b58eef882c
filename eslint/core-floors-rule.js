import { dirname, relative, resolve, sep } from 'node:path';

/**
 * The core's internal floors (main/README.md): a folder of main/ imports only folders on its own
 * floor or below, and another module only through its face (index.ts). The floors come in as the
 * rule's options (eslint.config.js), so a new module is one entry there. Imports are resolved
 * against the importing file, so a module's inner folder may share a name with a floor's folder.
 */
export const coreFloorsRule = {
  meta: {
    type: 'problem',
    docs: { description: "main/'s floors: nothing imports upward, modules meet through their index.ts" },
    schema: [
      {
        type: 'object',
        properties: {
          floors: { type: 'array', items: { type: 'object' } },
          faceOnly: { type: 'array', items: { type: 'string' } },
          see: { type: 'string' },
        },
        additionalProperties: false,
      },
    ],
  },
  create(context) {
    const { floors, faceOnly, see } = context.options[0];
    const floorOf = new Map();
    floors.forEach((f, level) => f.folders.forEach((folder) => floorOf.set(folder, { level, name: f.name })));
    const mainDir = resolve(context.cwd, 'main');
    const here = placeIn(mainDir, context.filename);
    if (!here) return {};

    function check(node, source) {
      if (typeof source !== 'string' || !source.startsWith('.')) return;
      const there = placeIn(mainDir, resolve(dirname(context.filename), source));
      if (!there || there.folder === here.folder) return;
      const from = floorOf.get(here.folder);
      const to = floorOf.get(there.folder);
      if (!from) return context.report({ node, message: `main/${here.folder}/ stands on no floor: add it to CORE_FLOORS in eslint.config.js; ${see}.` });
      if (!to) return context.report({ node, message: `main/${there.folder}/ stands on no floor: add it to CORE_FLOORS in eslint.config.js; ${see}.` });
      if (to.level > from.level) {
        return context.report({
          node,
          message: `main/${here.folder}/ (${from.name}) must not import main/${there.folder}/ (${to.name}): nothing imports upward; ${see}.`,
        });
      }
      if (faceOnly.includes(there.folder) && !['', 'index.js', 'index.ts'].includes(there.rest)) {
        context.report({
          node,
          message: `main/${here.folder}/ must import main/${there.folder}/ through its index.ts, not ${there.rest}: a module's inside is its own; ${see}.`,
        });
      }
    }

    const fromSource = (node) => check(node, node.source?.value);
    return {
      ImportDeclaration: fromSource,
      ExportNamedDeclaration: fromSource,
      ExportAllDeclaration: fromSource,
      ImportExpression: fromSource,
      TSImportType: (node) => check(node, node.argument?.literal?.value ?? node.argument?.value),
      TSExternalModuleReference: (node) => check(node, node.expression?.value),
    };
  },
};

/** The top folder of main/ a path lies in and the rest of it, or null outside main/'s folders. */
function placeIn(mainDir, path) {
  const rel = relative(mainDir, path);
  if (rel.startsWith('..') || rel === '') return null;
  const [folder, ...rest] = rel.split(sep);
  if (rest.length === 0) return null;
  return { folder, rest: rest.join('/') };
}

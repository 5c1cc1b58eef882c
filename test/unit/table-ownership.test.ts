import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { coreModules } from '../../main/core/index.js';

/**
 * Each module's SQL names only the tables it declares (`tables` in its <module>-module.ts): another
 * module's data is reached through that module's face, so a table can change with its owner alone.
 * The SQL is found in the string and template literals of the module's files (TypeScript's own
 * parser), the table after FROM, JOIN, INTO, UPDATE or TABLE.
 */
const MAIN = fileURLToPath(new URL('../../main', import.meta.url));
/** Tables of the kernel and the infrastructure, which have no module definition; modules use them through their APIs. */
const INFRASTRUCTURE_TABLES: Record<string, readonly string[]> = {
  bus: ['outbox', 'bus_cursors', 'bus_dead_letters'],
  jobs: ['jobs', 'schedule_runs'],
  db: ['change_log', 'schema_migrations'],
};
/**
 * Tables of another system's database that one adapter talks to, never the console's: FreeRADIUS's
 * rlm_sql schema, written by the RADIUS isolir executor's store in FreeRADIUS's own file. Keyed by
 * file, so no other file may name them.
 */
const OTHER_DATABASES: Record<string, readonly string[]> = {
  'main/isolir/executors/radius/sqlite-radius-store.ts': ['radgroupreply', 'radusergroup', 'radacct'],
};
/** SQLite's table-valued functions read as tables after FROM; they belong to nobody. */
const TABLE_FUNCTIONS = new Set(['json_each', 'json_tree']);
/** The table after a keyword; an upsert's `DO UPDATE SET` names no table. */
const TABLE_AFTER = /\b(?:FROM|JOIN|INTO|(?<!DO )UPDATE|TABLE(?: IF NOT EXISTS)?)\s+([A-Za-z_][A-Za-z0-9_]*)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** The text of every string and template literal in a file. */
function literals(fileName: string, text: string): string[] {
  const out: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '));
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest));
  return out;
}

function tablesNamed(sql: string): string[] {
  return [...sql.matchAll(TABLE_AFTER)].map((m) => m[1] as string).filter((t) => !TABLE_FUNCTIONS.has(t));
}

/** Each "file: table" a module's sources name that the module does not own. */
function foreignTables(files: readonly { name: string; text: string }[], owned: readonly string[]): string[] {
  return files.flatMap((f) =>
    literals(f.name, f.text)
      .flatMap(tablesNamed)
      .filter((t) => !owned.includes(t) && !(OTHER_DATABASES[f.name]?.includes(t) ?? false))
      .map((t) => `${f.name}: ${t}`),
  );
}

const modules = coreModules();
const read = (folder: string) =>
  sourceFiles(join(MAIN, folder)).map((path) => ({ name: relative(join(MAIN, '..'), path), text: readFileSync(path, 'utf8') }));

describe('table ownership', () => {
  it.each(modules.map((m) => [m.name, m.tables] as const))('main/%s/ names only its own tables in SQL', (name, tables) => {
    expect(foreignTables(read(name), tables)).toEqual([]);
  });

  it.each(Object.entries(INFRASTRUCTURE_TABLES))('main/%s/ names only its own tables in SQL', (folder, tables) => {
    expect(foreignTables(read(folder).filter((f) => !f.name.includes('/migrations/')), tables)).toEqual([]);
  });

  it('the folders that own no table (api, core, web, platform, ...) name none', () => {
    const owners = new Set([...modules.map((m) => m.name), ...Object.keys(INFRASTRUCTURE_TABLES)]);
    const others = readdirSync(MAIN, { withFileTypes: true }).filter((e) => e.isDirectory() && !owners.has(e.name));
    expect(others.map((e) => e.name)).toContain('web');
    expect(others.flatMap((e) => foreignTables(read(e.name), []))).toEqual([]);
  });

  it('every table the migrations create has exactly one owner', () => {
    const created = new Set(read('db/migrations').flatMap((f) => [...f.text.matchAll(/CREATE (?:VIRTUAL )?TABLE (?:IF NOT EXISTS )?([a-z_]+)/g)].map((m) => m[1] as string)));
    const owners = [...modules.flatMap((m) => m.tables), ...Object.values(INFRASTRUCTURE_TABLES).flat()];
    expect(owners.filter((t, i) => owners.indexOf(t) !== i)).toEqual([]);
    expect([...created].filter((t) => !owners.includes(t))).toEqual([]);
  });

  it('catches a deliberate violation: customers SQL that joins the routers table', () => {
    const fixture = {
      name: 'main/customers/fixture.ts',
      text: "const SELECT = `SELECT c.id, r.name FROM customers c LEFT JOIN routers r ON r.id = c.router_id WHERE c.id IN (SELECT value FROM json_each(?))`;\n" +
        "db.prepare('UPDATE wa_messages SET status = ?').run(s);\n" +
        "db.prepare('INSERT INTO customers (id) VALUES (?) ON CONFLICT (id) DO UPDATE SET id = excluded.id');\n" +
        '// a comment that says FROM packages is not SQL\n',
    };
    const customers = modules.find((m) => m.name === 'customers');
    expect(foreignTables([fixture], customers?.tables ?? [])).toEqual(['main/customers/fixture.ts: routers', 'main/customers/fixture.ts: wa_messages']);
  });
});

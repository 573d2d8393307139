/**
 * The import graph of bot/src, type-only imports included (ESLint's import-x/no-cycle skips those):
 * no module may reach itself, and botbuilder stays in the Teams adapter folder so that moving to its
 * successor SDK touches one folder.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

const SRC = path.join(__dirname, '../../../bot/src');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every import and export-from of a file: the module specifiers as written. */
function specifiers(file: string): string[] {
  return ts.preProcessFile(fs.readFileSync(file, 'utf8'), true, true).importedFiles.map((f) => f.fileName);
}

function resolveLocal(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), specifier);
  return [`${base}.ts`, path.join(base, 'index.ts')].find((candidate) => fs.existsSync(candidate)) ?? null;
}

const files = sourceFiles(SRC);
const graph = new Map(files.map((file) => [file, specifiers(file).map((s) => resolveLocal(file, s)).filter((f): f is string => f !== null)]));

function findCycle(): string[] | null {
  const state = new Map<string, 'visiting' | 'done'>();
  const stack: string[] = [];
  const visit = (file: string): string[] | null => {
    if (state.get(file) === 'done') return null;
    if (state.get(file) === 'visiting') return [...stack.slice(stack.indexOf(file)), file];
    state.set(file, 'visiting');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(file, 'done');
    return null;
  };
  for (const file of files) {
    const cycle = visit(file);
    if (cycle) return cycle;
  }
  return null;
}

describe('bot/src import graph', () => {
  it('has modules to check (the scan works)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(path.join(SRC, 'app.ts'))).toContain(path.join(SRC, 'teams/turn-envelope.ts'));
  });

  it('has no import cycle, counting type-only imports', () => {
    expect(findCycle()?.map((f) => path.relative(SRC, f))).toBeUndefined();
  });

  it('imports the Bot Framework SDK only in bot/src/teams/', () => {
    const outside = files.filter((file) => !file.startsWith(path.join(SRC, 'teams') + path.sep) && specifiers(file).some((s) => /^(botbuilder|botframework)/.test(s)));
    expect(outside.map((f) => path.relative(SRC, f))).toEqual([]);
  });
});

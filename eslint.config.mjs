/**
 * Lint that guards the architecture, run by `npm test`: the layers of bot/src may only depend
 * inwards (core ← store/cards/documents ← teams/graph/scheduler/http ← app.ts/index.ts), only the
 * Teams adapter may touch the Bot Framework SDK, modules form no import cycles, and no promise is
 * dropped or handed to something that does not await it (an unhandled rejection stops the process).
 * It checks only these rules on purpose: style is left to the compiler and to review.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

const root = path.dirname(fileURLToPath(import.meta.url));
const LAYERS = 'Layers: core ← store/cards/documents ← teams/graph/scheduler/http ← app.ts/index.ts.';

/** An import of the Bot Framework SDK, which belongs to bot/src/teams/ alone. */
const BOT_FRAMEWORK = '^(botbuilder|botframework)(-[a-z-]+)?(/|$)';
const botFrameworkOnlyInTeams = {
  regex: BOT_FRAMEWORK,
  message: 'Only bot/src/teams/ may import the Bot Framework SDK (botbuilder, botframework-*); elsewhere use the opaque types in core/ports.ts.',
};

/**
 * The npm packages a folder may import besides node: built-ins: any other bare specifier is
 * reported (the Bot Framework SDK with them). Relative imports are left to
 * import-x/no-restricted-paths, which sees resolved paths.
 */
function onlyPackages(folder, packages, why) {
  const allowed = ['node:', ...packages.map((name) => `${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(/|$)`)];
  return [
    'error',
    {
      patterns: [
        {
          regex: `^(?!\\.|${allowed.join('|')})`,
          message: `${folder} may import only node: built-ins${packages.length ? ` and ${packages.join(', ')}` : ''}: ${why}`,
        },
      ],
    },
  ];
}

/** A zone of import-x/no-restricted-paths: files under `target` may not import from `from`. */
const zone = (target, from, message, except) => ({ target, from, message, ...(except ? { except } : {}) });
const src = (name) => `./bot/src/${name}`;

/**
 * Inner layers may import only themselves and the layers inside them. Outer adapters may not
 * import each other nor the composition root: app.ts wires them together through core's ports.
 */
const zones = [
  zone(src('core'), src(''), `bot/src/core is the domain: it imports only bot/src/core. ${LAYERS}`, ['./core']),
  ...['store', 'cards', 'documents'].map((folder) =>
    zone(src(folder), src(''), `bot/src/${folder} may import only bot/src/core and bot/src/${folder}. ${LAYERS}`, ['./core', `./${folder}`]),
  ),
  zone(
    [src('config.ts'), src('logger.ts'), src('project-root.ts')],
    src(''),
    'config.ts, logger.ts and project-root.ts are shared leaves: they import nothing from the layers.',
    ['./config.ts', './logger.ts', './project-root.ts'],
  ),
  ...['teams', 'graph', 'scheduler', 'http'].flatMap((folder) => [
    ...['teams', 'graph', 'scheduler', 'http']
      .filter((other) => other !== folder)
      .map((other) =>
        zone(
          src(folder),
          src(other),
          `bot/src/${folder} must not import bot/src/${other}: adapters depend on ports in bot/src/core, and app.ts wires them. ${LAYERS}`,
        ),
      ),
    zone(src(folder), [src('app.ts'), src('index.ts')], `bot/src/${folder} must not import the composition root (app.ts, index.ts). ${LAYERS}`),
  ]),
  zone('./tab/src', src(''), 'The tab is a browser bundle: it may import only types from bot/src/core.', ['./core']),
];

export default defineConfig(
  globalIgnores(['dist/', 'tab/dist/', 'coverage/', 'manifest/build/', 'bench/.build/']),
  {
    files: ['bot/src/**/*.ts', 'tab/src/**/*.ts'],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    languageOptions: {
      parser: tseslint.parser,
      // Type information from the project's own tsconfig.json, the one `npm run typecheck` uses.
      parserOptions: { projectService: true, tsconfigRootDir: root },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      // import-x reads the modules it follows (for no-cycle) only when it knows their extension and parser.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/external-module-folders': ['node_modules', 'node_modules/@types'],
      'import-x/resolver-next': [createTypeScriptImportResolver({ project: path.join(root, 'tsconfig.json') })],
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      // Type-only imports are erased at run time and so are not counted as cycles.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-restricted-paths': ['error', { basePath: root, zones }],
      'no-restricted-imports': ['error', { patterns: [botFrameworkOnlyInTeams] }],
    },
  },
  // Per folder, the npm packages it may use (each replaces the rule above for its files).
  {
    files: ['bot/src/core/**/*.ts'],
    rules: { 'no-restricted-imports': onlyPackages('bot/src/core', [], 'the domain is plain TypeScript; adapters live outside it behind core/ports.ts.') },
  },
  {
    files: ['bot/src/store/**/*.ts'],
    rules: { 'no-restricted-imports': onlyPackages('bot/src/store', ['kysely', 'pg', '@electric-sql/pglite'], 'the store is the database adapter and nothing else.') },
  },
  {
    files: ['bot/src/cards/**/*.ts'],
    rules: { 'no-restricted-imports': onlyPackages('bot/src/cards', [], 'cards are plain functions that return Adaptive Card JSON.') },
  },
  {
    files: ['bot/src/documents/**/*.ts'],
    rules: { 'no-restricted-imports': onlyPackages('bot/src/documents', ['docx'], 'documents render the protokoll and know nothing of Teams or the store.') },
  },
  {
    files: ['bot/src/teams/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);

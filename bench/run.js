#!/usr/bin/env node
/**
 * `npm run bench`: bundles bench/main.ts with esbuild (the TypeScript of the server and of the test
 * support it drives) into one file next to it and runs it. Not part of `npm test`.
 */
const path = require('node:path');
const fs = require('node:fs');
const esbuild = require('esbuild');

const outfile = path.join(__dirname, '.build', 'bench.js');
fs.mkdirSync(path.dirname(outfile), { recursive: true });
esbuild.buildSync({
  entryPoints: [path.join(__dirname, 'main.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: 'inline',
  logLevel: 'warning',
});
require(outfile)
  .main()
  .then((code) => process.exit(code ?? 0))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });

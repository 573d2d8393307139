/**
 * Builds the channel tab: tab/src/*.ts bundled with esbuild into tab/dist/, plus the static pages
 * and stylesheet from tab/public/. `node scripts/build-tab.js` or `require(...).buildTab()`.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const tabRoot = path.join(root, 'tab');

/** Entry modules → bundle names loaded by the pages in tab/public. */
const entries = {
  main: path.join(tabRoot, 'src', 'main.ts'),
  config: path.join(tabRoot, 'src', 'config-page.ts'),
  panel: path.join(tabRoot, 'src', 'panel.ts'),
};

/**
 * Builds into a scratch directory first, then moves each file into place with a rename: a server
 * already serving tab/dist (another test, a running app) never sees a missing or half-written file.
 */
async function buildTab(options = {}) {
  const outdir = options.outdir || path.join(tabRoot, 'dist');
  fs.mkdirSync(path.dirname(outdir), { recursive: true });
  const scratch = fs.mkdtempSync(`${outdir}.tmp-`);
  try {
    await bundle(scratch, options);
    fs.mkdirSync(outdir, { recursive: true });
    for (const name of fs.readdirSync(scratch)) fs.renameSync(path.join(scratch, name), path.join(outdir, name));
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return outdir;
}

async function bundle(outdir, options) {
  await esbuild.build({
    entryPoints: entries,
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['es2020'],
    minify: options.minify !== false,
    sourcemap: true,
    legalComments: 'linked',
    logLevel: options.quiet ? 'silent' : 'warning',
  });
  const publicDir = path.join(tabRoot, 'public');
  for (const name of fs.readdirSync(publicDir)) {
    if (/\.(html|css|svg|png)$/.test(name)) fs.copyFileSync(path.join(publicDir, name), path.join(outdir, name));
  }
}

module.exports = { buildTab };

if (require.main === module) {
  buildTab().then(
    (outdir) => console.log(`Fliken är byggd: ${path.relative(root, outdir)}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

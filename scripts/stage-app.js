#!/usr/bin/env node
// @ts-check
/**
 * Stages what App Service runs into `build/app/`, the one folder that every deployment path zips
 * and sends (Agents Toolkit `azureAppService/zipDeploy`, the GitHub deploy workflow, `az webapp
 * deploy` by hand): the compiled server (`dist/`), the built tab (`tab/dist/`), `package.json`,
 * `package-lock.json`, `vendor/` and the production dependencies installed from the lock file
 * (`npm ci --omit=dev --ignore-scripts`). App Service builds nothing itself
 * (`SCM_DO_BUILD_DURING_DEPLOYMENT=false`) and starts `node dist/bot/src/index.js`.
 *
 * Run after `npm run build`: `npm run stage`. The developer's own node_modules is not touched.
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.join(__dirname, '..');
const DEFAULT_OUT = path.join(ROOT, 'build', 'app');

/**
 * What the server needs at run time, relative to the repository root; vendor/ holds the local
 * packages that package.json names with `file:` (npm ci installs them from there).
 */
const PARTS = ['package.json', 'package-lock.json', 'vendor', 'dist', path.join('tab', 'dist')];

/**
 * @param {{ outDir?: string, install?: boolean }} [options]
 *   outDir: default build/app; install: false skips `npm ci` (tests of the file selection).
 * @returns {string} the staged folder
 */
function stageApp(options = {}) {
  const outDir = options.outDir ?? DEFAULT_OUT;
  const missing = PARTS.filter((part) => !fs.existsSync(path.join(ROOT, part)));
  if (missing.length > 0) {
    throw new Error(`Saknas: ${missing.join(', ')}. Kör npm run build först.`);
  }
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(outDir, { recursive: true });
  for (const part of PARTS) {
    fs.cpSync(path.join(ROOT, part), path.join(outDir, part), { recursive: true });
  }
  if (options.install !== false) {
    const result = runNpm(['ci', '--omit=dev', '--ignore-scripts', '--install-links', '--no-bin-links', '--no-audit', '--no-fund'], outDir);
    if (result.status !== 0) throw new Error(`npm ci --omit=dev misslyckades i ${path.relative(ROOT, outDir)}`);
  }
  return outDir;
}

/** The npm that runs this script (npm_execpath under `npm run`), otherwise the one on PATH. */
function runNpm(/** @type {string[]} */ args, /** @type {string} */ cwd) {
  const npmCli = process.env.npm_execpath;
  if (npmCli && npmCli.endsWith('.js')) {
    return spawnSync(process.execPath, [npmCli, ...args], { cwd, stdio: 'inherit' });
  }
  const windows = process.platform === 'win32';
  return spawnSync(windows ? 'npm.cmd' : 'npm', args, { cwd, stdio: 'inherit', shell: windows });
}

module.exports = { stageApp, PARTS };

if (require.main === module) {
  try {
    const outDir = stageApp();
    console.log(`Skrev ${path.relative(process.cwd(), outDir)}: zippa innehållet och skicka det med zip deploy.`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

#!/usr/bin/env node
// @ts-check
/**
 * Builds the Teams app package `manifest/build/protokoll.zip` (manifest.json, color.png and
 * outline.png at the zip root) from `manifest/manifest.template.json`.
 *
 * Every `${{NAME}}` in the template is filled from the environment (see the "Teams-apppaket"
 * section of `.env.example`). A missing or invalid value stops the packaging with one Swedish
 * message that names every offending variable. The zip is written with Node's zlib and a small zip
 * writer (fixed timestamps, fixed order), so the same input gives the same bytes.
 *
 * Run: `npm run package` (or `node scripts/package-manifest.js`).
 */
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');

const ROOT = path.join(__dirname, '..');
const GUID = /^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$/;
const SEMVER = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;
/** Teams app id used when TEAMS_APP_ID is unset: stable, so a new package updates the same app. */
const DEFAULT_TEAMS_APP_ID = 'a2e507d8-7080-4473-91d2-d07f5e89a54f';

class PackageError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super('Kan inte bygga Teams-apppaketet:\n' + problems.map((p) => `  - ${p}`).join('\n'));
    this.name = 'PackageError';
    this.problems = problems;
  }
}

/**
 * Validates the environment and returns the value of every placeholder.
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, string>}
 */
function resolveVariables(env) {
  /** @type {string[]} */
  const problems = [];
  const get = (/** @type {string} */ name) => {
    const value = env[name]?.trim();
    return value ? value : null;
  };
  const guid = (/** @type {string} */ name, /** @type {string | null} */ fallback, /** @type {string} */ what) => {
    const value = get(name) ?? fallback;
    if (value === null) {
      problems.push(`${name} saknas: ange ${what} (ett GUID).`);
      return '';
    }
    if (!GUID.test(value)) {
      problems.push(`${name}="${value}" är inte ett GUID (${what}), t.ex. 00000000-0000-0000-0000-000000000000.`);
      return '';
    }
    return value.toLowerCase();
  };

  const botId = guid('BOT_ID', null, 'app-id (klient-id) för botens appregistrering i Entra ID');
  const entraClientId = guid('ENTRA_CLIENT_ID', null, 'klient-id för flikens appregistrering i Entra ID (SSO)');
  const teamsAppId = guid('TEAMS_APP_ID', DEFAULT_TEAMS_APP_ID, 'Teams-appens id');

  const version = get('TEAMS_APP_VERSION') ?? readPackageVersion();
  if (!SEMVER.test(version)) {
    problems.push(`TEAMS_APP_VERSION="${version}" ska vara ett versionsnummer som 1.4.0 (semver).`);
  }

  let hostname = '';
  let baseUrl = '';
  const rawBase = get('PUBLIC_BASE_URL');
  const production = get('APP_ENV') === 'production';
  if (rawBase === null) {
    problems.push('PUBLIC_BASE_URL saknas: ange serverns publika https-adress, t.ex. https://protokoll.example.se.');
  } else {
    /** @type {URL | null} */
    let url = null;
    try {
      url = new URL(rawBase);
    } catch {
      problems.push(`PUBLIC_BASE_URL="${rawBase}" är ingen giltig URL; ange t.ex. https://protokoll.example.se.`);
    }
    if (url) {
      const local = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
      if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local && !production)) {
        problems.push(
          `PUBLIC_BASE_URL="${rawBase}" måste börja med https:// (Teams laddar bara fliken och SSO över https` +
            (local ? '; http://localhost godtas bara när APP_ENV inte är production' : '') + ').',
        );
      } else if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) {
        problems.push(
          `PUBLIC_BASE_URL="${rawBase}" ska vara bara schema och värdnamn (utan sökväg), t.ex. https://${url.host}.`,
        );
      } else {
        hostname = url.host;
        baseUrl = `${url.protocol}//${url.host}`;
      }
    }
  }

  const urlOrDefault = (/** @type {string} */ name, /** @type {string} */ fallback) => {
    const value = get(name);
    if (value === null) return fallback;
    if (!/^https:\/\/[^\s/]+/i.test(value)) {
      problems.push(`${name}="${value}" ska vara en https-adress.`);
      return '';
    }
    return value;
  };
  const developerName = get('TEAMS_DEVELOPER_NAME') ?? 'Protokoll';
  if (developerName.length > 32) {
    problems.push(`TEAMS_DEVELOPER_NAME får vara högst 32 tecken (är ${developerName.length}).`);
  }

  const values = {
    BOT_ID: botId,
    ENTRA_CLIENT_ID: entraClientId,
    TEAMS_APP_ID: teamsAppId,
    TEAMS_APP_VERSION: version,
    PUBLIC_HOSTNAME: hostname,
    TEAMS_DEVELOPER_NAME: developerName,
    TEAMS_WEBSITE_URL: urlOrDefault('TEAMS_WEBSITE_URL', `${baseUrl}/tab/`),
    TEAMS_PRIVACY_URL: urlOrDefault('TEAMS_PRIVACY_URL', `${baseUrl}/tab/#integritet`),
    TEAMS_TERMS_URL: urlOrDefault('TEAMS_TERMS_URL', `${baseUrl}/tab/#villkor`),
  };
  if (problems.length > 0) throw new PackageError(problems);
  return values;
}

function readPackageVersion() {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  return String(pkg.version);
}

/**
 * Fills `${{NAME}}` placeholders (JSON-escaped) and parses the result.
 * @param {string} template @param {Record<string, string>} values
 */
function fillTemplate(template, values) {
  /** @type {string[]} */
  const unknown = [];
  const text = template.replace(/\$\{\{\s*([A-Z0-9_]+)\s*\}\}/g, (_match, /** @type {string} */ name) => {
    const value = values[name];
    if (value === undefined) {
      unknown.push(name);
      return '';
    }
    return JSON.stringify(value).slice(1, -1);
  });
  if (unknown.length > 0) {
    throw new PackageError([`manifest.template.json använder okända platshållare: ${[...new Set(unknown)].join(', ')}.`]);
  }
  return JSON.parse(text);
}

// ---------------------------------------------------------------------------------- zip writer

// CRC-32 as PNG and zip define it: Node's zlib has it (Node ≥ 20.15).
const crc32 = zlib.crc32;

/** 1980-01-01 00:00:00 in MS-DOS format: no build time leaks into the package. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * A zip archive (deflate) of the given files, in the given order.
 * @param {Array<{ name: string, data: Buffer }>} files
 */
function writeZip(files) {
  /** @type {Buffer[]} */
  const parts = [];
  /** @type {Buffer[]} */
  const central = [];
  let offset = 0;
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8');
    const compressed = zlib.deflateRawSync(file.data, { level: 9 });
    const crc = crc32(file.data);

    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0); // local file header signature
    local.writeUInt16LE(20, 4); // version needed (2.0: deflate)
    local.writeUInt16LE(0x0800, 6); // flags: UTF-8 names
    local.writeUInt16LE(8, 8); // method: deflate
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(file.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28); // extra field length
    parts.push(local, name, compressed);

    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0); // central directory signature
    entry.writeUInt16LE(20, 4); // version made by (2.0, MS-DOS)
    entry.writeUInt16LE(20, 6); // version needed
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(compressed.length, 20);
    entry.writeUInt32LE(file.data.length, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt16LE(0, 34); // disk number
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(offset, 42); // offset of the local header
    central.push(entry, name);

    offset += local.length + name.length + compressed.length;
  }
  const centralDir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0); // end of central directory signature
  end.writeUInt16LE(0, 4);
  end.writeUInt16LE(0, 6);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralDir.length, 12);
  end.writeUInt32LE(offset, 16);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([...parts, centralDir, end]);
}

// ---------------------------------------------------------------------------------- packaging

/**
 * Builds the app package.
 * @param {{ env?: Record<string, string | undefined>, outFile?: string, manifestDir?: string }} [options]
 *   env: the variables to read (default process.env); outFile: default manifest/build/protokoll.zip;
 *   manifestDir: where manifest.template.json and the icons are (default manifest/).
 * @returns {{ outFile: string, manifest: Record<string, any>, zip: Buffer }}
 */
function packageManifest(options = {}) {
  const env = options.env ?? process.env;
  const manifestDir = options.manifestDir ?? path.join(ROOT, 'manifest');
  const outFile = options.outFile ?? path.join(manifestDir, 'build', 'protokoll.zip');

  const values = resolveVariables(env);
  const manifest = fillTemplate(fs.readFileSync(path.join(manifestDir, 'manifest.template.json'), 'utf8'), values);
  const icons = /** @type {Record<string, string>} */ (manifest.icons);
  const files = [{ name: 'manifest.json', data: Buffer.from(JSON.stringify(manifest, null, 2) + '\n', 'utf8') }];
  for (const icon of [icons.color, icons.outline]) {
    if (!icon) throw new PackageError(['manifest.template.json saknar icons.color eller icons.outline.']);
    const iconPath = path.join(manifestDir, icon);
    if (!fs.existsSync(iconPath)) {
      throw new PackageError([`Ikonen ${path.relative(ROOT, iconPath)} saknas; skapa den med node scripts/make-icons.js.`]);
    }
    files.push({ name: icon, data: fs.readFileSync(iconPath) });
  }
  const zip = writeZip(files);
  fs.mkdirSync(path.dirname(outFile), { recursive: true });
  fs.writeFileSync(outFile, zip);
  return { outFile, manifest, zip };
}

module.exports = { packageManifest, resolveVariables, writeZip, crc32, PackageError, DEFAULT_TEAMS_APP_ID };

if (require.main === module) {
  try {
    const { outFile, manifest } = packageManifest();
    console.log(
      `Skrev ${path.relative(process.cwd(), outFile)} (Teams-app ${manifest.id}, version ${manifest.version}, ` +
        `bot ${manifest.bots[0].botId}). Ladda upp den i Teams administrationscenter under Teams-appar → Hantera appar → Ladda upp ny app.`,
    );
  } catch (error) {
    if (error instanceof PackageError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

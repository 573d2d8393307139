/**
 * package-lock.json is what `npm ci` installs on every machine, so it must agree with package.json
 * (otherwise `npm ci` refuses and `npm install` silently rewrites it) and must list the native
 * packages of every supported platform, not only of the machine that last wrote it (npm can drop
 * the other platforms' optional packages when it rewrites the lock over an existing node_modules;
 * a developer on macOS or Windows would then miss @swc/core's binary and jest would not start).
 */
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..', '..', '..');

interface LockEntry {
  version?: string;
  resolved?: string;
  link?: boolean;
  dev?: boolean;
  optional?: boolean;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  engines?: Record<string, string>;
}

const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  name: string;
  version: string;
  engines: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')) as {
  name: string;
  version: string;
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
};

/** Where node resolves `name` from the package at `from` (a key of `packages`): nearest node_modules up. */
function resolveFrom(from: string, name: string): string | undefined {
  let dir = from;
  for (;;) {
    const key = `${dir ? `${dir}/` : ''}node_modules/${name}`;
    if (lock.packages[key]) return key;
    if (!dir) return undefined;
    const i = dir.lastIndexOf('/node_modules/');
    dir = i >= 0 ? dir.slice(0, i) : '';
  }
}

/** The platforms Protokoll is developed and run on: CI and App Service, developers' Macs, Windows. */
const PLATFORMS = [
  { os: 'linux', cpu: 'x64' },
  { os: 'linux', cpu: 'arm64' },
  { os: 'darwin', cpu: 'arm64' },
  { os: 'darwin', cpu: 'x64' },
  { os: 'win32', cpu: 'x64' },
];

/** Packages whose code is a native binary shipped as one optional package per platform. */
const NATIVE = ['@swc/core', 'esbuild', 'unrs-resolver'];

describe('package-lock.json', () => {
  const rootEntry = lock.packages['']!;

  it('is a version 3 lock file for this package', () => {
    expect(lock.lockfileVersion).toBe(3);
    expect({ name: lock.name, version: lock.version }).toEqual({ name: pkg.name, version: pkg.version });
  });

  it('records exactly the dependencies, devDependencies and engines of package.json (npm ci would refuse)', () => {
    expect(rootEntry.dependencies ?? {}).toEqual(pkg.dependencies);
    expect(rootEntry.devDependencies ?? {}).toEqual(pkg.devDependencies);
    expect(rootEntry.engines ?? {}).toEqual(pkg.engines);
  });

  it('resolves every direct dependency', () => {
    const direct = [...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)];
    expect(direct.filter((name) => !resolveFrom('', name))).toEqual([]);
  });

  it('lists every optional dependency of every package, whatever platform wrote it', () => {
    const missing = Object.entries(lock.packages).flatMap(([key, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter((name) => !resolveFrom(key, name))
        .map((name) => `${key || '(root)'} → ${name}`),
    );
    expect(missing).toEqual([]);
  });

  it.each(NATIVE.filter((name) => resolveFrom('', name)))('has a native package of %s for each supported platform', (name) => {
    const key = resolveFrom('', name)!;
    const entry = lock.packages[key]!;
    const bindings = Object.entries(entry.optionalDependencies ?? {}).map(([dep, version]) => {
      const depKey = resolveFrom(key, dep);
      return { dep, wanted: version, entry: depKey ? lock.packages[depKey] : undefined };
    });
    // Every binding the package asks for is there, at the version it pins.
    expect(bindings.filter((b) => b.entry?.version !== b.wanted).map((b) => b.dep)).toEqual([]);
    for (const platform of PLATFORMS) {
      const fits = bindings.filter(
        (b) =>
          b.entry?.os?.includes(platform.os) &&
          b.entry.cpu?.includes(platform.cpu) &&
          // Linux: a glibc build (Debian, Ubuntu, App Service); musl alone is not enough.
          (platform.os !== 'linux' || !b.entry.libc || b.entry.libc.includes('glibc')),
      );
      expect({ name, platform, found: fits.length > 0 }).toEqual({ name, platform, found: true });
    }
  });

  it('keeps @swc/core, which jest needs to start, among the checked native packages', () => {
    expect(resolveFrom('', '@swc/core')).toBe('node_modules/@swc/core');
  });

  it('has no local package outside the repository and no link to a missing folder', () => {
    const links = Object.entries(lock.packages).filter(([, entry]) => entry.link);
    for (const [key, entry] of links) {
      expect({ key, resolved: entry.resolved }).toEqual({ key, resolved: expect.not.stringMatching(/^\.\.|^\//) });
      expect({ key, exists: fs.existsSync(path.join(root, entry.resolved!, 'package.json')) }).toEqual({ key, exists: true });
      expect({ key, inLock: !!lock.packages[entry.resolved!] }).toEqual({ key, inLock: true });
    }
  });
});

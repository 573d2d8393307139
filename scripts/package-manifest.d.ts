/** Types of scripts/package-manifest.js (plain CommonJS, run by `npm run package`). */
export interface PackageOptions {
  /** variables to read; default process.env */
  env?: Record<string, string | undefined>;
  /** default manifest/build/protokoll.zip */
  outFile?: string;
  /** folder with manifest.template.json and the icons; default manifest/ */
  manifestDir?: string;
}

export interface PackageResult {
  outFile: string;
  manifest: Record<string, any>;
  zip: Buffer;
}

export declare class PackageError extends Error {
  readonly problems: string[];
  constructor(problems: string[]);
}

export declare const DEFAULT_TEAMS_APP_ID: string;
export declare function packageManifest(options?: PackageOptions): PackageResult;
export declare function resolveVariables(env: Record<string, string | undefined>): Record<string, string>;
export declare function writeZip(files: Array<{ name: string; data: Buffer }>): Buffer;
export declare function crc32(buf: Buffer): number;

/** Headless Debian Chromium through playwright-core (a test tool's own browser download fails offline). */
import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium saknas (${CHROMIUM}); kör scripts/ensure-test-tools.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', ...extraArgs,
    ],
    // playwright gives every launch a fresh, empty profile of its own
  });
}

/** Screenshots and other files a person may look at after a run. */
export function artifactPath(...parts: string[]): string {
  const file = path.join(__dirname, '..', '..', 'test-artifacts', ...parts);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return file;
}

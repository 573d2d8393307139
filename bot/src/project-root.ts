/** The repository root (where package.json is), from both `bot/src` (tests) and `dist/bot/src` (built). */
import fs from 'node:fs';
import path from 'node:path';

export function projectRoot(from: string = __dirname): string {
  let directory = from;
  while (!fs.existsSync(path.join(directory, 'package.json'))) {
    const parent = path.dirname(directory);
    if (parent === directory) throw new Error(`package.json not found above ${from}`);
    directory = parent;
  }
  return directory;
}

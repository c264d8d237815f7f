import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/** Deckhand's own folder (themes, runtime bundles), whether running from src/ or from lib/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'deckhand') return (cached = dir);
    dir = path.dirname(dir);
  }
  throw new Error('deckhand: cannot find its own package.json');
}

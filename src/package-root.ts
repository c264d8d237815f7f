import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;
let manifest: OwnPackage | undefined;

/** What Deckhand reads of its own package.json. */
export interface OwnPackage {
  name: string;
  version: string;
  dependencies?: Record<string, string>;
}

/** Deckhand's own folder (themes, runtime bundles), whether running from src/ or from lib/. */
export function packageRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (dir !== path.dirname(dir)) {
    const pkg = path.join(dir, 'package.json');
    const found = fs.existsSync(pkg) ? (JSON.parse(fs.readFileSync(pkg, 'utf8')) as OwnPackage) : undefined;
    if (found?.name === 'deckhand') {
      manifest = found;
      return (cached = dir);
    }
    dir = path.dirname(dir);
  }
  throw new Error('deckhand: cannot find its own package.json');
}

/** Deckhand's own package.json, read once (with `packageRoot`). */
export function ownPackage(): OwnPackage {
  packageRoot();
  return manifest!;
}

import path from 'node:path';
import { DEFAULT_CHROMIUM, type BuildOptions } from './options';

/**
 * The build options' defaults that come from the environment: the current folder as the
 * project root, DECKHAND_CHROMIUM and DECKHAND_CACHE_DIR, and stderr for messages. Kept out of
 * options.ts so the pure stages that read deck defaults never read the environment.
 */
export function defaultBuildOptions(root = process.cwd()): BuildOptions {
  return {
    root,
    inputs: [],
    outDir: path.join(root, 'dist'),
    chromium: process.env.DECKHAND_CHROMIUM || DEFAULT_CHROMIUM,
    cacheDir: process.env.DECKHAND_CACHE_DIR || path.join(root, 'node_modules', '.cache', 'deckhand'),
    force: false,
    dev: false,
    log: (line) => process.stderr.write(line + '\n'),
  };
}

export function resolveBuildOptions(overrides: Partial<BuildOptions> = {}): Readonly<BuildOptions> {
  const root = path.resolve(overrides.root ?? process.cwd());
  const merged = { ...defaultBuildOptions(root), ...stripUndefined(overrides), root };
  merged.outDir = path.resolve(root, merged.outDir);
  merged.cacheDir = path.resolve(root, merged.cacheDir);
  return Object.freeze(merged);
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

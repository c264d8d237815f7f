import path from 'node:path';
import { defaultBuildOptions } from '../build-options';

/** How `deckhand check` runs; every field has its default in `defaultCheckOptions`. */
export interface CheckOptions {
  /** Project folder: decks, `themes/` and `diagrams/` are found from here. */
  root: string;
  /** Deck files or folders; empty means every deck under `<root>/slides`. */
  inputs: string[];
  /** Chromium that renders diagrams and measures slides; required. */
  chromium: string | false;
  cacheDir: string;
  log: (line: string) => void;
}

export function defaultCheckOptions(root = process.cwd()): CheckOptions {
  const build = defaultBuildOptions(root);
  return { root, inputs: [], chromium: build.chromium, cacheDir: build.cacheDir, log: build.log };
}

export function resolveCheckOptions(overrides: Partial<CheckOptions> = {}): Readonly<CheckOptions> {
  const root = path.resolve(overrides.root ?? process.cwd());
  const defined = Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined));
  const merged: CheckOptions = { ...defaultCheckOptions(root), ...defined, root };
  merged.cacheDir = path.resolve(root, merged.cacheDir);
  return Object.freeze(merged);
}

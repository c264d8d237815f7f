import path from 'node:path';

/**
 * The one rule for which files a deck may bring along, shared by build, export, `dev` and
 * `present`: a deck downloaded from someone else must not be able to collect files from the
 * machine that builds or serves it. Paths here are real paths (symlinks already resolved), so a
 * link cannot lead out; this module only compares strings.
 */
export interface ProjectBounds {
  /** Real path of the project root. */
  root: string;
  /** Real path of Deckhand's cache folder (it holds the presenter token). */
  cacheDir?: string;
}

/** Why a deck may not use this file, or undefined when it may. */
export function refuseProjectFile(realFile: string, bounds: ProjectBounds, opts: { packages?: boolean } = {}): string | undefined {
  const rel = path.relative(bounds.root, realFile);
  if (!rel || rel.startsWith('..') || path.isAbsolute(rel)) return `it is outside the project (${realFile})`;
  if (bounds.cacheDir && (realFile === bounds.cacheDir || realFile.startsWith(bounds.cacheDir + path.sep))) return "it is in Deckhand's cache folder";
  const parts = rel.split(path.sep);
  // A stylesheet may import fonts from an installed package; a slide never shows files from there.
  if (!opts.packages && parts.includes('node_modules')) return 'it is inside node_modules/';
  const hidden = parts.find((p) => p.startsWith('.'));
  if (hidden) return `${hidden === parts[parts.length - 1] ? 'it is a hidden file' : `it is inside the hidden folder ${hidden}/`}`;
  return undefined;
}

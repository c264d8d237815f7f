import fs from 'node:fs';
import path from 'node:path';
import { environmentError } from '../environment-error';
import type { ResolveContext } from '../render/references';

/**
 * What the render stage may ask of the disk about the files a slide names (images, diagram
 * files): whether they are there, their real path, why one cannot be reached, a diagram's text.
 * Part of the load stage, the only reader of an author's sources; tests pass an in-memory one.
 */
export function fileContext(root: string, cacheDir?: string): ResolveContext {
  const real = (f: string) => {
    try {
      return fs.realpathSync(f);
    } catch {
      return undefined;
    }
  };
  return {
    root,
    realPath: real,
    unreachable: (f) => {
      try {
        fs.statSync(f);
        return undefined;
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? undefined : (environmentError(e)?.reason ?? code);
      }
    },
    bounds: { root: real(root) ?? root, cacheDir: cacheDir && (real(cacheDir) ?? path.resolve(cacheDir)) },
    exists: (f) => {
      try {
        return fs.statSync(f).isFile();
      } catch {
        return false;
      }
    },
    readText: (f) => readSourceText(f),
  };
}

/** A source file's text, or undefined when it cannot be read (for code frames, which are optional). */
export function readSourceText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

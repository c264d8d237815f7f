import fs from 'node:fs';
import { writeFileAtomic } from '../write/write-file-atomic';

/**
 * Small helpers for Deckhand's caches. A cache file is written whole (temp file + rename) so
 * a reader never sees half of one, and a failure to write only costs the next run some speed.
 */
export function writeCacheFile(file: string, contents: string | Uint8Array): void {
  try {
    writeFileAtomic(file, contents);
  } catch {
    // Speed, not correctness, depends on the cache.
  }
}

export function readCacheJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
  } catch {
    return undefined;
  }
}

/** Modification time, or -1 for a file that is not there: a cached result made with it is stale. */
export function mtimeOf(file: string): number {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return -1;
  }
}

import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { mtimeOf, readCacheJson, writeCacheFile } from './cache-files';
import type { RenderCache } from '../render/render-deck';

interface StoredEntry {
  key: string;
  value: RenderCache extends Map<string, infer V> ? V : never;
  /** Files besides the slide's own that it used, with their mtimes when it was rendered. */
  deps: Array<[string, number]>;
}

// Rendering changes with Deckhand's own code: a rebuilt Deckhand must not reuse old slides.
// FORMAT changes with the shape of a rendered slide, for runs from src/ where this file stays the same.
const FORMAT = 3;
const CODE_STAMP = (() => {
  try {
    const s = fs.statSync(fileURLToPath(import.meta.url));
    return `${FORMAT}:${s.size}:${s.mtimeMs}`;
  } catch {
    return String(Date.now());
  }
})();

export function renderCacheFile(cacheDir: string, deckRoot: string): string {
  return path.join(cacheDir, 'render', `${createHash('sha1').update(deckRoot).digest('hex').slice(0, 16)}.json`);
}

/**
 * Rendered slides kept between `deckhand build` runs. A slide is reused only while its text,
 * position and every file it used are unchanged; slides that had problems are always redone,
 * so a fixed image or diagram is picked up.
 */
export function loadRenderCache(file: string): RenderCache {
  const cache: RenderCache = new Map();
  const stored = readCacheJson<{ stamp: string; entries: StoredEntry[] }>(file);
  if (!stored || stored.stamp !== CODE_STAMP) return cache;
  for (const e of stored.entries) {
    if (e.value.diagnostics.length) continue;
    if (e.deps.every(([f, m]) => mtimeOf(f) === m)) cache.set(e.key, e.value);
  }
  return cache;
}

export function saveRenderCache(file: string, cache: RenderCache, loadedKeys: ReadonlySet<string>): void {
  const changed = cache.size !== loadedKeys.size || [...cache.keys()].some((k) => !loadedKeys.has(k));
  if (!changed) return;
  const entries: StoredEntry[] = [...cache].map(([key, value]) => {
    const files = new Set([...value.slide.assets.map((a) => a.source), ...value.slide.diagrams.map((d) => d.origin.file)]);
    files.delete(value.slide.file);
    return { key, value, deps: [...files].map((f): [string, number] => [f, mtimeOf(f)]) };
  });
  writeCacheFile(file, JSON.stringify({ stamp: CODE_STAMP, entries }));
}

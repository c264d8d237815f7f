import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { writeCacheFile } from '../cache/cache-files';

/** On-disk store of rendered SVGs keyed by everything that changes the picture. */
export interface DiagramCache {
  get(key: string): string | undefined;
  put(key: string, svg: string): void;
  /** Forgets, in memory only, every SVG but these; the files stay for later runs. */
  retain(keys: ReadonlySet<string>): void;
  /** SVGs held in memory. */
  readonly size: number;
}

export interface DiagramKeyParts {
  code: string;
  config: unknown;
  mermaidVersion: string;
  font: string;
}

// Bump when the SVG post-processing or the derived theme changes, so stale renders are not reused.
const FORMAT = 6;

export function diagramKey(parts: DiagramKeyParts): string {
  return createHash('sha256')
    .update(JSON.stringify([FORMAT, parts.mermaidVersion, parts.font, parts.config, parts.code]))
    .digest('hex')
    .slice(0, 32);
}

export function openDiagramCache(dir: string): DiagramCache {
  const memory = new Map<string, string>();
  const file = (key: string) => path.join(dir, `${key}.svg`);
  return {
    get(key) {
      const hit = memory.get(key);
      if (hit !== undefined) return hit;
      try {
        const svg = fs.readFileSync(file(key), 'utf8');
        memory.set(key, svg);
        return svg;
      } catch {
        return undefined;
      }
    },
    put(key, svg) {
      memory.set(key, svg);
      writeCacheFile(file(key), svg);
    },
    get size() {
      return memory.size;
    },
    retain(keys) {
      for (const key of memory.keys()) if (!keys.has(key)) memory.delete(key);
    },
  };
}

/** How many rendered SVGs the cache folder holds: fewer than a deck's distinct diagrams means some must be drawn. */
export function countCachedDiagrams(dir: string): number {
  try {
    return fs.readdirSync(dir).filter((f) => f.endsWith('.svg')).length;
  } catch {
    return 0;
  }
}

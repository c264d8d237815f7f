import fs from 'node:fs';
import path from 'node:path';
import { outputFiles } from '../build';
import { compileDeck, type CompiledDeck } from '../compile-deck';
import { DiagramRenderer } from '../diagrams/render-diagrams';
import { findDecks } from '../load/find-decks';
import type { DeckSource } from '../types';
import type { CommonOptions } from '../options';
import type { OutputFile } from '../write/write-output';

/** One compiled deck with every file its built page would load, kept in memory. */
export interface DeckBundle {
  source: DeckSource;
  compiled: CompiledDeck;
  /** Output files by their path under the output folder, as `build` would write them. */
  files: Map<string, OutputFile>;
  /** Path of the deck's page among `files`, e.g. `docker/index.html`. */
  page: string;
}

export type BundleEnv = Pick<CommonOptions, 'root' | 'chromium' | 'cacheDir' | 'log' | 'onDiagramDrawn'> & Partial<Pick<CommonOptions, 'deckOverrides'>>;

/**
 * Compiles decks the way `build` does (load → parse → render → diagrams → assemble) without
 * writing anything: exports and checks read the page and its files from memory.
 */
export async function bundleDecks(inputs: readonly string[], env: BundleEnv): Promise<DeckBundle[]> {
  const sources = findDecks(env.root, inputs);
  const diagrams = new DiagramRenderer({ chromium: env.chromium, cacheDir: env.cacheDir, log: env.log, onDrawn: env.onDiagramDrawn });
  const bundles: DeckBundle[] = [];
  try {
    for (const source of sources) {
      bundles.push(bundleCompiledDeck(source, await compileDeck(source, { root: env.root, cacheDir: env.cacheDir, diagrams, deckOverrides: env.deckOverrides })));
    }
  } finally {
    // Chromium quits while the export or the check goes on; nothing needs to wait for it.
    await diagrams.close({ wait: false });
  }
  return bundles;
}

/** A deck compiled elsewhere (the presenter server's), with the files a build would write for it. */
export function bundleCompiledDeck(source: DeckSource, compiled: CompiledDeck): DeckBundle {
  const files = new Map(outputFiles([compiled]).map((f) => [f.path, f]));
  return { source, compiled, files, page: `${compiled.name}/index.html` };
}

/** The bytes of one output file, or undefined when the bundle has no such file. */
export function readBundleFile(bundle: DeckBundle, file: string): Uint8Array | undefined {
  const entry = bundle.files.get(path.posix.normalize(file));
  if (!entry) return undefined;
  if ('copyFrom' in entry) return fs.readFileSync(entry.copyFrom);
  return typeof entry.contents === 'string' ? Buffer.from(entry.contents) : entry.contents;
}

/** Resolves a URL written in `fromFile` (both relative to the output folder) to a bundle path. */
export function resolveBundleUrl(fromFile: string, url: string): string | undefined {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return undefined;
  const clean = decodeURIComponentSafe(url.replace(/[?#].*$/, ''));
  if (!clean) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), clean));
  return resolved.startsWith('../') ? undefined : resolved;
}

function decodeURIComponentSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

import path from 'node:path';
import type { CompiledStyle } from '../assemble/theme';
import type { CompiledDeck } from '../compile-deck';
import { MERMAID_BROWSER_FILE } from '../diagrams/render-diagrams';
import type { Resource } from './http-handler';
import { mimeType } from '../media-type';
import { ownFile } from './send-resource';

/**
 * What a served deck page loads besides itself, shared by the dev and presenter servers:
 * each is found by exact name among what the server was told about, never by joining paths.
 */

/** A file under `/_deckhand/`: one of the named runtime bundles, mermaid, or a stylesheet and its fonts. */
export function resolveRuntimeResource(sub: string, runtime: string, scripts: readonly string[], styles: Iterable<CompiledStyle | undefined>): Resource | undefined {
  // Deckhand's own files: read once and served from memory, compressed (a room of phones asks for them all).
  if (scripts.includes(sub)) return { body: ownFile(path.join(runtime, sub)), type: mimeType(sub) };
  if (sub === 'mermaid.min.js') return { body: ownFile(MERMAID_BROWSER_FILE), type: mimeType(sub) };
  for (const style of styles) {
    if (!style) continue;
    if (sub === style.name) return { body: style.css, type: mimeType(sub) };
    const data = style.files.get(sub);
    if (data) return { body: data, type: mimeType(sub) };
  }
  return undefined;
}

/** An image or other file the deck's slides use, by its path under the deck's folder. */
export function resolveDeckAsset(deck: CompiledDeck | undefined, sub: string): Resource | undefined {
  const asset = deck?.assets.find((a) => a.target === sub);
  return asset ? { file: asset.source, type: mimeType(asset.target), deckFile: true } : undefined;
}

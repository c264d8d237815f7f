import path from 'node:path';
import { RUNTIME_DIR, type CompiledDeck } from '../compile-deck';
import { bundleCompiledDeck } from '../export/deck-bundle';
import { inlineDeckPage } from '../export/inline-html';
import type { DeckSource } from '../types';
import { withDrawnCount } from './present-pages';

/**
 * The deck as the speaker view and the remote show it, in a frame. The frame runs the deck's
 * own scripts (plugins, widgets in raw HTML), so it gets an opaque origin: the views' iframes
 * are sandboxed and the server sends this page with `CSP: sandbox allow-scripts`, so even
 * opened on its own it can reach neither the views, their token, nor the server as a page of
 * its own. An opaque page's requests are cross-site, which the server refuses; so the page is
 * self-contained, made by the single-file HTML export: styles, fonts, images and scripts inline.
 * It carries the frame bridge (frame-bridge.ts) instead of the audience's follow plugin.
 */
export const FRAME_CSP = 'sandbox allow-scripts';

export function assembleFramePage(source: DeckSource, compiled: CompiledDeck, runtimeDir: string, drawn: number): string {
  const bundle = bundleCompiledDeck(source, compiled);
  const bridge = `${RUNTIME_DIR}/frame.js`;
  // The bridge is the only way in: reveal.js's own postMessage API would obey any method name.
  const reveal = { ...compiled.page.reveal, postMessage: false, postMessageEvents: false };
  bundle.files.set(bridge, { path: bridge, copyFrom: path.join(runtimeDir, 'frame.js') });
  return withDrawnCount(inlineDeckPage(bundle, { ...compiled.page, reveal, runtimeScripts: ['frame.js'] }), drawn);
}

/**
 * Deckhand's public API: what `import … from 'deckhand'` offers, each export documented in the
 * README's "API" section. Everything else in src/ is internal and may change in any release.
 *
 * The pipeline, in order:
 *   findDecks (load) → parseDeck → renderDeck → DiagramRenderer → assembleDeckPage → writeOutput
 * `build()` runs all of it; `compileDeck()` runs one deck in memory (the dev server uses it).
 */
import type { CheckOptions, DevOptions, ExportOptions, PresentOptions } from './options';
import type { CheckResult } from './check/check-decks';
import type { ExportResult } from './export/export-deck';
import type { PresentServer } from './present/present-server';

// The commands, as functions: options in, a result out (diagnostics included, never printed).
// All but `build` load their code on first call: a script that only builds does not load the
// servers, export and check (WebSocket, file watching, PDF) when it imports Deckhand.
export { build, type BuildResult } from './build';
export type { CheckResult, ExportResult, PresentServer };

/** Exports one deck as a PDF, a single-file HTML page or a static folder, as `deckhand export` does. */
export async function exportDeck(options: Partial<ExportOptions> & { input: string }): Promise<ExportResult> {
  return (await import('./export/export-deck')).exportDeck(options);
}

/** Checks decks as `deckhand check` does: overflow, links, alt text, accessibility. */
export async function checkDecks(options: Partial<CheckOptions> = {}): Promise<CheckResult> {
  return (await import('./check/check-decks')).checkDecks(options);
}

/** Serves one deck for a talk, as `deckhand present` does. */
export async function startPresentServer(options: Partial<PresentOptions> = {}): Promise<PresentServer> {
  return (await import('./present/present-server')).startPresentServer(options);
}

// One deck in memory, with the diagram renderer it needs (one per process; close() it).
export { compileDeck, type CompiledDeck, type CompileEnv } from './compile-deck';
export { DiagramRenderer, type DiagramRendererOptions } from './diagrams/render-diagrams';
export type { DeckSource, SourceFile, SourcePosition } from './types';

// Options: the documented defaults, and the resolvers the CLI uses (defaults < front matter < flags).
export { DEFAULTS, defaultDeckOptions, type BuildOptions, type CheckOptions, type CommonOptions, type DeckOptions, type DevOptions, type ExportFormat, type ExportOptions, type PresentOptions, type ServeOptions } from './options';
export { resolveBuildOptions, resolveDevOptions, resolveExportOptions, resolveCheckOptions, resolvePresentOptions } from './resolve-options';

// Problems as data.
export { DeckhandError, formatDiagnostic, type Diagnostic } from './diagnostics';
export type { Severity } from './protocol/diagnostic';

/** A running `deckhand dev` server. */
export interface DevServer {
  /** The address of the deck list (or of the only deck). */
  readonly url: string;
  readonly port: number;
  /** Stops watching and serving; open pages keep trying to reconnect. */
  close(): Promise<void>;
}

/**
 * Serves decks with live preview, as `deckhand dev` does. The public type is narrower than the
 * server's own (its per-deck state is internal and holds WebSocket types).
 */
export async function startDevServer(options: Partial<DevOptions> = {}): Promise<DevServer> {
  return (await import('./server/dev-server')).startDevServer(options);
}

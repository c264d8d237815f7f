/**
 * Deckhand's public API: what `import … from 'deckhand'` offers, each export documented in the
 * README's "API" section. Everything else in src/ is internal and may change in any release.
 *
 * The pipeline, in order:
 *   findDecks (load) → parseDeck → renderDeck → DiagramRenderer → assembleDeckPage → writeOutput
 * `build()` runs all of it; `compileDeck()` runs one deck in memory (the dev server uses it).
 */
import type { DevOptions } from './options';
import { startDevServer as startDev } from './server/dev-server';

// The commands, as functions: options in, a result out (diagnostics included, never printed).
export { build, type BuildResult } from './build';
export { exportDeck, type ExportResult } from './export/export-deck';
export { checkDecks, type CheckResult } from './check/check-decks';
export { startPresentServer, type PresentServer } from './present/present-server';

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
export function startDevServer(options: Partial<DevOptions> = {}): Promise<DevServer> {
  return startDev(options);
}

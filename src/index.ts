/**
 * Deckhand's public API. The pipeline, in order:
 *   findDecks (load) → parseDeck → renderDeck → DiagramRenderer → assembleDeckPage → writeOutput
 * `build()` runs all of it; `compileDeck()` runs one deck in memory (the dev server uses it).
 */
export { build, type BuildResult } from './build';
export { compileDeck, type CompiledDeck } from './compile-deck';
export { parseDeck } from './parse/parse-deck';
export { renderDeck } from './render/render-deck';
export { DiagramRenderer } from './diagrams/render-diagrams';
export { DeckhandError, formatDiagnostic, type Diagnostic } from './diagnostics';
export { resolveBuildOptions, resolveDevOptions, resolveExportOptions, resolveCheckOptions, resolvePresentOptions } from './resolve-options';
export { DEFAULTS, defaultDeckOptions, type BuildOptions, type CheckOptions, type CommonOptions, type DeckOptions, type DevOptions, type ExportFormat, type ExportOptions, type PresentOptions, type ServeOptions } from './options';
export type * from './types';
export { compileStyle } from './assemble/compile-style';
export { startDevServer, type DevServer } from './server/dev-server';
export { startPresentServer, type PresentServer } from './present/present-server';
export { exportDeck, type ExportResult } from './export/export-deck';
export { checkDecks, type CheckResult } from './check/check-decks';

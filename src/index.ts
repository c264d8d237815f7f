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
export { resolveBuildOptions, defaultBuildOptions } from './build-options';
export { defaultDeckOptions, type BuildOptions, type DeckOptions } from './options';
export type * from './types';
export { compileStyle } from './assemble/compile-style';
export { startDevServer, type DevServer } from './server/dev-server';
export { startPresentServer, type PresentServer } from './present/present-server';
export { resolvePresentOptions, defaultPresentOptions, type PresentOptions } from './present/present-options';
export { exportDeck, type ExportResult } from './export/export-deck';
export { resolveExportOptions, defaultExportOptions, type ExportOptions, type ExportFormat } from './export/export-options';
export { checkDecks, type CheckResult } from './check/check-decks';
export { resolveCheckOptions, defaultCheckOptions, type CheckOptions } from './check/check-options';

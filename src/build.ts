import path from 'node:path';
import { assembleIndexPage } from './assemble/index-page';
import { compileDeck, RUNTIME_DIR, type CompiledDeck, type SettingSource } from './compile-deck';
import { DeckhandError, formatDiagnostic, hasErrors, type Diagnostic } from './diagnostics';
import { DiagramRenderer, MERMAID_BROWSER_FILE } from './diagrams/render-diagrams';
import { findDecks } from './load/find-decks';
import { resolveBuildOptions } from './resolve-options';
import type { BuildOptions } from './options';
import { packageRoot } from './package-root';
import { loadRenderCache, renderCacheFile, saveRenderCache } from './cache/render-cache-store';
import { guardOutputDir, OUTPUT_MARKER, type ProtectedPaths } from './write/output-guard';
import { writeOutput, type OutputFile } from './write/write-output';

export interface BuildResult {
  outDir: string;
  decks: Array<{ name: string; title: string; slides: number; file: string; settings: SettingSource[] }>;
  diagnostics: Diagnostic[];
  diagrams: { rendered: number; cached: number; deferred: number };
}

/**
 * Builds every deck: load → (parse → render → diagrams → assemble, per deck) → write.
 * Throws a DeckhandError carrying the diagnostics when any deck has an error; then nothing is written.
 */
export async function build(overrides: Partial<BuildOptions> = {}): Promise<BuildResult> {
  const options = resolveBuildOptions(overrides);
  const sources = findDecks(options.root, options.inputs);
  // Checked before the slow work and again once every file the decks use is known.
  const keep = (compiled: CompiledDeck[] = []): ProtectedPaths => ({
    root: options.root,
    decks: sources.map((s) => s.root),
    files: compiled.flatMap((c) => c.dependencies),
    cacheDir: options.cacheDir,
  });
  guardOutputDir(options.outDir, keep(), options.force);
  const diagrams = new DiagramRenderer({ chromium: options.chromium, cacheDir: options.cacheDir, log: options.log, onDrawn: options.onDiagramDrawn });
  const compiled: CompiledDeck[] = [];
  try {
    for (const source of sources) {
      const cacheFile = renderCacheFile(options.cacheDir, source.root);
      const renderCache = loadRenderCache(cacheFile);
      const loaded = new Set(renderCache.keys());
      const deck = await compileDeck(source, { root: options.root, cacheDir: options.cacheDir, diagrams, renderCache, deckOverrides: options.deckOverrides });
      if (!hasErrors(deck.diagnostics)) saveRenderCache(cacheFile, renderCache, loaded);
      compiled.push(deck);
    }
  } finally {
    // Chromium quits (~0.1 s) while the output is written, and nothing waits for it: the process
    // may end as soon as the output is there.
    await diagrams.close({ wait: false });
  }
  return writeBuild(options, compiled, keep);
}

function writeBuild(options: ReturnType<typeof resolveBuildOptions>, compiled: CompiledDeck[], keep: (compiled: CompiledDeck[]) => ProtectedPaths): BuildResult {
  const diagnostics = compiled.flatMap((c) => c.diagnostics);
  if (hasErrors(diagnostics) || (options.strict && diagnostics.length)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    const what = errors ? `${errors} error${errors === 1 ? '' : 's'}` : `${diagnostics.length} warning${diagnostics.length === 1 ? '' : 's'} (--strict)`;
    throw new DeckhandError(`build failed with ${what}; ${path.relative(options.root, options.outDir) || options.outDir} left unchanged`, diagnostics);
  }
  guardOutputDir(options.outDir, keep(compiled), options.force);
  writeOutput(options.outDir, [...outputFiles(compiled), { path: OUTPUT_MARKER, contents: 'This folder is written by deckhand build, which replaces it whole on every build.\n' }]);
  const count = (k: keyof CompiledDeck['diagramCounts']) => compiled.reduce((n, c) => n + c.diagramCounts[k], 0);
  return {
    outDir: options.outDir,
    decks: compiled.map((c) => ({ name: c.name, title: c.title, slides: c.slideCount, file: path.join(options.outDir, c.name, 'index.html'), settings: c.settings })),
    diagnostics,
    diagrams: { rendered: count('rendered'), cached: count('cached'), deferred: count('deferred') },
  };
}

/** Every file of `dist/`: pages, assets, and the shared runtime written once for all decks. */
export function outputFiles(compiled: CompiledDeck[]): OutputFile[] {
  const files: OutputFile[] = [];
  const runtime = path.join(packageRoot(), 'lib', 'runtime');
  files.push({ path: `${RUNTIME_DIR}/deckhand.js`, copyFrom: path.join(runtime, 'deckhand.js') });
  if (compiled.some((c) => c.diagramCounts.deferred > 0)) {
    files.push({ path: `${RUNTIME_DIR}/mermaid.min.js`, copyFrom: MERMAID_BROWSER_FILE });
  }
  const styles = new Map(compiled.filter((c) => c.style).map((c) => [c.style!.name, c.style!]));
  for (const style of styles.values()) {
    files.push({ path: `${RUNTIME_DIR}/${style.name}`, contents: style.css });
    for (const [rel, data] of style.files) files.push({ path: `${RUNTIME_DIR}/${rel}`, contents: data });
  }
  for (const c of compiled) {
    files.push({ path: `${c.name}/index.html`, contents: c.html });
    for (const a of c.assets) files.push({ path: `${c.name}/${a.target}`, copyFrom: a.source });
  }
  const firstStyle = styles.values().next().value;
  files.push({
    path: 'index.html',
    contents: assembleIndexPage(
      compiled.map((c) => ({ name: c.name, title: c.title, slides: c.slideCount })),
      firstStyle ? `${RUNTIME_DIR}/${firstStyle.name}` : '',
    ),
  });
  return files;
}

export function printDiagnostics(list: readonly Diagnostic[], write: (s: string) => void, cwd?: string): void {
  for (const d of list) write(formatDiagnostic(d, cwd));
}

import fs from 'node:fs';
import path from 'node:path';
import { DeckhandError, hasErrors, type Diagnostic } from '../diagnostics';
import { bundleDecks, type DeckBundle } from './deck-bundle';
import { launchRequiredChromium, requireChromium } from './chromium';
import type { ExportOptions } from '../options';
import { resolveExportOptions } from '../resolve-options';
import { inlineDeckPage } from './inline-html';
import { printDeckPdf } from './print-pdf';
import { guardOutputFile } from '../write/output-guard';
import { writeFileAtomic } from '../write/write-file-atomic';

export interface ExportResult {
  file: string;
  format: ExportOptions['format'];
  bytes: number;
  /** PDF pages printed (PDF only). */
  pages?: number;
  deck: { name: string; title: string; slides: number };
  /** Warnings from compiling the deck (errors stop the export). */
  diagnostics: Diagnostic[];
}

/**
 * `deckhand export`: one deck → one self-contained HTML file or one PDF. The deck is compiled
 * exactly as `build` would, in memory; a deck with errors is not exported.
 */
export async function exportDeck(overrides: Partial<ExportOptions> & { input: string }): Promise<ExportResult> {
  const options = resolveExportOptions(overrides);
  // Chromium starts while the deck compiles; a missing one is reported before any work.
  const executable = options.format === 'pdf' ? requireChromium(options.chromium, 'PDF export') : undefined;
  const browser = executable ? launchRequiredChromium(executable, 'PDF export') : undefined;
  browser?.catch(() => undefined);
  try {
    const bundle = await compileForExport(options);
    const target = exportTarget(options, bundle.compiled.name);
    const keep = { root: options.root, decks: [bundle.source.root, ...bundle.source.files.map((f) => f.path)], files: bundle.compiled.dependencies, cacheDir: options.cacheDir };
    guardOutputFile(target, keep, options.force);
    let data: string | Uint8Array;
    let pages: number | undefined;
    if (browser) {
      const printed = await printDeckPdf(await browser, bundle, options);
      data = printed.pdf;
      pages = printed.pages;
    } else {
      data = inlineDeckPage(bundle);
    }
    writeFileAtomic(target, data);
    const { compiled } = bundle;
    return {
      file: target,
      format: options.format,
      bytes: typeof data === 'string' ? Buffer.byteLength(data) : data.byteLength,
      pages,
      deck: { name: compiled.name, title: compiled.title, slides: compiled.slideCount },
      diagnostics: compiled.diagnostics,
    };
  } finally {
    await (await browser?.catch(() => undefined))?.close();
  }
}

async function compileForExport(options: ExportOptions): Promise<DeckBundle> {
  if (!fs.existsSync(path.resolve(options.root, options.input))) {
    throw new DeckhandError(`deck not found: ${options.input}`, [], 2);
  }
  const [bundle] = await bundleDecks([options.input], options);
  const { diagnostics } = bundle.compiled;
  if (hasErrors(diagnostics)) {
    const errors = diagnostics.filter((d) => d.severity === 'error').length;
    throw new DeckhandError(`export failed with ${errors} error${errors === 1 ? '' : 's'}; nothing written`, diagnostics);
  }
  return bundle;
}

/** `<deck name>.<format>` in the project folder, unless the caller named a file. */
export function exportTarget(options: ExportOptions, deckName: string): string {
  return options.out ?? path.join(options.root, `${deckName}.${options.format}`);
}

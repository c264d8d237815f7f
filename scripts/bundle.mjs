// Compiles Deckhand itself: the Node code into lib/ and the browser runtime into lib/runtime/.
// Runs on `npm install` (prepare) and before tests; never writes into dist/, the decks' output.
import * as esbuild from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const started = Date.now();
fs.rmSync(lib, { recursive: true, force: true });

await Promise.all([
  esbuild.build({
    entryPoints: {
      deckhand: path.join(root, 'src/client/index.ts'),
      dev: path.join(root, 'src/client/dev/index.ts'),
      // Added by `deckhand check` to the page it measures.
      measure: path.join(root, 'src/client/measure-entry.ts'),
      // `deckhand present`: the audience follow plugin, the bridge inside the views' deck frames,
      // the speaker view, the phone remote and their styles.
      follow: path.join(root, 'src/client/present/follow.ts'),
      frame: path.join(root, 'src/client/present/frame-bridge.ts'),
      speaker: path.join(root, 'src/client/present/speaker.ts'),
      remote: path.join(root, 'src/client/present/remote.ts'),
      present: path.join(root, 'src/client/present/present.css'),
    },
    outdir: path.join(lib, 'runtime'),
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    legalComments: 'none',
    logLevel: 'warning',
  }),
  esbuild.build({
    entryPoints: { index: path.join(root, 'src/index.ts'), cli: path.join(root, 'src/cli/main.ts') },
    outdir: lib,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Small pure-JS dependencies are bundled in: one ES module loads faster than dozens of
    // CommonJS files. Large or native ones (esbuild, playwright-core, chokidar, mermaid) stay external.
    external: ['esbuild', 'playwright-core', 'chokidar', 'mermaid', 'ws', 'sirv', 'reveal.js', '@fontsource/*', 'open', 'send'],
    splitting: true,
    // Bundled CommonJS dependencies call require(); give the ES module output one.
    banner: { js: "import { createRequire as __deckhandCreateRequire } from 'node:module'; const require = __deckhandCreateRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  }),
]);
fs.writeFileSync(path.join(lib, 'package.json'), '{ "type": "module" }\n');
console.error(`deckhand: compiled lib/ in ${Date.now() - started} ms`);

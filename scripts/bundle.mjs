// Compiles Deckhand itself: the Node code into lib/, the browser runtime into lib/runtime/, and
// copies the stylesheet every deck gets into lib/deckhand.css: lib/ holds everything the tool
// reads at run time besides themes/ and its dependencies. Never writes into dist/, the decks' output.
//   node scripts/bundle.mjs              before tests and benchmarks
//   node scripts/bundle.mjs --types      `npm pack`/`npm publish` (prepack): also lib/*.d.ts
//   node scripts/bundle.mjs --if-source  `npm install` (prepare): a checkout compiles itself;
//                                        an installed package (no src/) ships lib/ prebuilt
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = path.join(root, 'lib');
const flags = new Set(process.argv.slice(2));
if (flags.has('--if-source')) {
  if (!fs.existsSync(path.join(root, 'src'))) process.exit(0);
  // npm runs prepare right after prepack when packing: lib/ is already built, with its types.
  if (process.env.npm_command === 'pack' || process.env.npm_command === 'publish') process.exit(0);
}
const esbuild = await import('esbuild');
const started = Date.now();
fs.rmSync(lib, { recursive: true, force: true });

await Promise.all([
  esbuild.build({
    entryPoints: {
      deckhand: path.join(root, 'src/client/index.ts'),
      dev: path.join(root, 'src/client/dev/index.ts'),
      // Added by `deckhand check` to the page it measures.
      measure: path.join(root, 'src/client/measure-entry.ts'),
      // Loaded by the page that renders diagrams in Chromium: marks a stepped diagram's SVG.
      'diagram-steps': path.join(root, 'src/client/diagram-steps-render-page.ts'),
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
    // reveal.js and its plugins are bundled in: their licence notices stay, at the end of each file.
    legalComments: 'eof',
    logLevel: 'warning',
  }),
  esbuild.build({
    // internal.js: what the benchmarks measure beyond the public API; not in package.json "exports".
    // render-worker.js: the thread that drives Chromium for diagrams (src/diagrams/render-thread.ts).
    entryPoints: { index: path.join(root, 'src/index.ts'), cli: path.join(root, 'src/cli/main.ts'), internal: path.join(root, 'src/internal.ts'), 'render-worker': path.join(root, 'src/diagrams/render-worker.ts') },
    outdir: lib,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Small pure-JS dependencies are bundled in: one ES module loads faster than dozens of
    // CommonJS files. Large or native ones (esbuild, playwright-core, chokidar, mermaid) stay external.
    external: ['esbuild', 'playwright-core', 'chokidar', 'ws', 'reveal.js', '@fontsource/*', 'open', 'send', 'katex'],
    splitting: true,
    // Bundled CommonJS dependencies call require(); give the ES module output one.
    banner: { js: "import { createRequire as __deckhandCreateRequire } from 'node:module'; const require = __deckhandCreateRequire(import.meta.url);" },
    chunkNames: 'chunks/[name]-[hash]',
    logLevel: 'warning',
  }),
]);
fs.writeFileSync(path.join(lib, 'package.json'), '{ "type": "module" }\n');
fs.copyFileSync(path.join(root, 'src/client/deckhand.css'), path.join(lib, 'deckhand.css'));
// Decks need only mermaid's browser bundle (drawn in Chromium, or in the viewer's browser as a
// fallback) and its version: shipping those two instead of the mermaid package saves an
// install about 140 MB.
const mermaidPackage = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/mermaid/package.json'), 'utf8'));
fs.copyFileSync(path.join(root, 'node_modules/mermaid/dist/mermaid.min.js'), path.join(lib, 'runtime', 'mermaid.min.js'));
fs.writeFileSync(path.join(lib, 'runtime', 'mermaid.json'), JSON.stringify({ version: mermaidPackage.version }) + '\n');
if (flags.has('--types')) {
  // The public API's declarations (tsconfig.build.json): lib/index.d.ts and what it imports.
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' });
  addImportExtensions(lib);
}
console.error(`deckhand: compiled lib/ in ${Date.now() - started} ms`);

/**
 * src/ imports without extensions (moduleResolution Bundler); a consumer resolving with NodeNext
 * needs them in the declarations of an ES module package: './build' becomes './build.js'.
 */
function addImportExtensions(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.d.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8').replace(/(from |import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (whole, before, quote, spec) => {
      if (/\.js$/.test(spec)) return whole;
      const target = path.resolve(path.dirname(file), spec);
      const resolved = fs.existsSync(`${target}.d.ts`) ? `${spec}.js` : fs.existsSync(path.join(target, 'index.d.ts')) ? `${spec}/index.js` : undefined;
      if (!resolved) throw new Error(`bundle: ${file} imports ${spec}, which has no declaration file`);
      return `${before}${quote}${resolved}${quote}`;
    });
    fs.writeFileSync(file, text);
  }
}

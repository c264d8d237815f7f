/**
 * What the benchmarks (bench/*.mjs) measure below the public API. Compiled to lib/internal.js,
 * which package.json "exports" does not list: no installed copy of Deckhand can import it.
 */
export { compileStyle } from './assemble/compile-style';
export { DiagramRenderer } from './diagrams/render-diagrams';
export { startDevServer } from './server/dev-server';
export { requireWithCodeCache } from './cache/code-cache';

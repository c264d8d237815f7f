// The dev server for `npm run soak`, alone in a child process started with --expose-gc, so the
// heap measured is the server's and not the bench's (Playwright, 40 WebSocket clients).
// Talks to bench/soak.mjs over IPC: log lines out; heap questions in, answers out.
import path from 'node:path';

const { startDevServer } = await import('../lib/internal.js'); // its per-deck state (decks) is internal
const [root] = process.argv.slice(2);

process.on('uncaughtException', (e) => {
  process.send({ type: 'crash', message: String(e?.stack ?? e) });
  process.exit(1);
});

const server = await startDevServer({
  root,
  inputs: ['slides/docker'],
  port: 0,
  cacheDir: path.join(root, '.cache'),
  log: (line) => process.send({ type: 'log', line }),
});

process.on('message', (m) => {
  if (m.type === 'heap') {
    for (let i = 0; i < 3; i++) global.gc();
    const deck = server.decks[0];
    process.send({ type: 'heap', id: m.id, heapUsed: process.memoryUsage().heapUsed, caches: deck.cacheSizes?.() ?? {}, version: deck.version });
  } else if (m.type === 'close') {
    server.close().then(() => process.exit(0));
  }
});

process.send({ type: 'ready', url: server.url });

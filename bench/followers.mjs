// `npm run bench:present`: 200 simulated followers (plain `ws` clients, not browsers) on
// 127.0.0.1 follow a talk driven by a simulated remote. Runs `deckhand present` as a separate
// process, as a presenter would, and prints: position change → follower latency (p50/p90/p99),
// changes delivered, reconnect and restart convergence. Loopback only; at most 60 s; asserts nothing.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { generateDeck } from './generate-deck.mjs';

const FOLLOWERS = Number(process.env.BENCH_FOLLOWERS || 200);
const CHANGES = Number(process.env.BENCH_CHANGES || 100);
const CHANGE_EVERY_MS = 50;
const DROPPED = 50;
const HOST = '127.0.0.1'; // never any other address
const DEADLINE_MS = 60_000;

const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'deckhand.js');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-followers-'));
generateDeck(work, 60);
const started = Date.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pct = (xs, p) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);
const round = (x) => Math.round(x * 100) / 100;
let server;
const sockets = new Set();

function cleanUp() {
  for (const s of sockets) s.terminate();
  server?.kill('SIGTERM');
  fs.rmSync(work, { recursive: true, force: true });
}
const deadline = setTimeout(() => {
  process.stderr.write(`\nbench: stopped at the ${DEADLINE_MS / 1000} s limit\n`);
  cleanUp();
  process.exit(1);
}, DEADLINE_MS);

/** Starts `deckhand present` on loopback and resolves with its port and token once it listens. */
function startServer(port = 0) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, 'present', 'slides/deck.md', '--host', HOST, '--port', String(port), '--no-chromium'], {
      cwd: work,
      env: { ...process.env, DECKHAND_CACHE_DIR: path.join(work, '.cache') },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = /speaker {3}http:\/\/([\d.]+):(\d+)\/_deckhand\/speaker#token=([\w-]+)/.exec(out);
      if (m && out.includes('(Ctrl+C to stop)')) {
        if (m[1] !== HOST) reject(new Error(`the server is not on ${HOST}: ${m[1]}`));
        resolve({ child, port: Number(m[2]), token: m[3] });
      }
    });
    child.on('exit', (code) => reject(new Error(`deckhand present exited with ${code}: ${out}`)));
  });
}

/** A follower page: remembers when each position version arrived; reconnects like the browser code. */
class Follower {
  constructor(port) {
    this.port = port;
    this.arrived = new Map();
    this.live = undefined;
    this.connect();
  }
  connect() {
    const ws = new WebSocket(`ws://${HOST}:${this.port}/_deckhand/ws`, { origin: `http://${HOST}:${this.port}` });
    this.ws = ws;
    sockets.add(ws);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data));
      if (m.type !== 'position') return;
      this.arrived.set(m.version, performance.now());
      this.live = m.position;
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      sockets.delete(ws);
      if (!this.stopped) setTimeout(() => this.connect(), 100);
    });
  }
  drop() {
    this.ws.terminate();
  }
}

async function until(test, what, ms = 20_000) {
  const end = Date.now() + ms;
  while (!test()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The remote: claims with the token, then sends numbered `go` commands. */
async function openDriver(port, token) {
  const ws = new WebSocket(`ws://${HOST}:${port}/_deckhand/ws`, { origin: `http://${HOST}:${port}` });
  sockets.add(ws);
  const answers = new Map();
  let version = 0;
  ws.on('message', (data) => {
    const m = JSON.parse(String(data));
    if (m.type === 'position') version = m.version;
    if (m.type === 'driver' || m.type === 'accepted' || m.type === 'refused') answers.set(m.seq, m);
  });
  await new Promise((r) => ws.once('open', r));
  let seq = 0;
  const send = async (command) => {
    const s = ++seq;
    ws.send(JSON.stringify({ ...command, token, seq: s }));
    await until(() => answers.has(s), `answer ${s}`);
    return answers.get(s);
  };
  const claimed = await send({ type: 'claim' });
  if (claimed.type !== 'driver') throw new Error('the driver was refused');
  return { send, version: () => version, close: () => ws.terminate() };
}

try {
  let first = await startServer();
  server = first.child;
  const { port, token } = first;

  let t = performance.now();
  const followers = Array.from({ length: FOLLOWERS }, () => new Follower(port));
  await until(() => followers.every((f) => f.live), 'every follower to connect');
  const connectMs = performance.now() - t;

  const driver = await openDriver(port, token);
  const base = driver.version();
  const sentAt = new Map();
  for (let i = 1; i <= CHANGES; i++) {
    const version = base + i;
    sentAt.set(version, performance.now());
    driver.send({ type: 'go', position: { h: i % 60, v: 0, f: -1 } }); // every change moves: h differs from the last
    await sleep(CHANGE_EVERY_MS);
  }
  const lastVersion = base + CHANGES;
  await until(() => followers.every((f) => f.arrived.has(lastVersion)), 'the last change everywhere');
  const latencies = [];
  let delivered = 0;
  for (const f of followers) {
    for (const [version, sent] of sentAt) {
      const at = f.arrived.get(version);
      if (at === undefined) continue;
      delivered++;
      latencies.push(at - sent);
    }
  }

  // Followers that lose their connection while the talk moves on.
  const dropped = followers.slice(0, DROPPED);
  for (const f of dropped) f.drop();
  for (let i = 1; i <= 5; i++) await driver.send({ type: 'go', position: { h: 40 + i, v: 0, f: -1 } });
  t = performance.now();
  await until(() => dropped.every((f) => f.live?.h === 45), 'dropped followers to converge');
  const reconnectMs = performance.now() - t;

  // The presenter restarts the server (same port, same session): every follower comes back to the live slide.
  driver.close();
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  for (const f of followers) f.live = undefined;
  t = performance.now();
  const second = await startServer(port);
  server = second.child;
  const startMs = performance.now() - t;
  await until(() => followers.every((f) => f.live?.h === 45), 'every follower back on the live slide');
  const restartMs = performance.now() - t;

  clearTimeout(deadline);
  console.log(`deckhand present: ${FOLLOWERS} followers on ${HOST}, ${CHANGES} position changes ${CHANGE_EVERY_MS} ms apart`);
  console.table([
    { measure: 'followers connected, live position received', value: `${round(connectMs)} ms` },
    { measure: 'changes delivered', value: `${delivered} of ${FOLLOWERS * CHANGES}` },
    { measure: 'change → follower latency p50', value: `${round(pct(latencies, 50))} ms` },
    { measure: 'change → follower latency p90', value: `${round(pct(latencies, 90))} ms` },
    { measure: 'change → follower latency p99', value: `${round(pct(latencies, 99))} ms` },
    { measure: 'change → follower latency max', value: `${round(Math.max(...latencies))} ms` },
    { measure: `${DROPPED} dropped followers back on the live slide`, value: `${round(reconnectMs)} ms` },
    { measure: 'server restart: until listening', value: `${round(startMs)} ms` },
    { measure: `server restart: all ${FOLLOWERS} back on the live slide`, value: `${round(restartMs)} ms` },
    { measure: 'token kept across the restart', value: String(second.token === token) },
    { measure: 'bench wall time', value: `${round((Date.now() - started) / 1000)} s` },
  ]);
  for (const f of followers) f.stopped = true;
  cleanUp();
} catch (e) {
  clearTimeout(deadline);
  process.stderr.write(`bench: ${e.stack ?? e}\n`);
  cleanUp();
  process.exit(1);
}

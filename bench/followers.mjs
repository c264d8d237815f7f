// `npm run bench:present`: how many followers one `deckhand present` holds on this machine.
// For each count (default 200, 500, 1000, 2000, 5000; `--counts=200,1000` to choose) it starts
// `deckhand present` as a separate process, as a presenter would, connects that many simulated
// followers (plain `ws` clients, not browsers) on 127.0.0.1, drives the talk from a simulated
// remote and prints: connected, moves delivered, move → follower latency (p50/p90/p99/max), the
// time for a move to reach the whole room, the server's memory (RSS), reconnect and restart
// convergence. The ceiling is the largest count where every move reached every follower with
// p99 ≤ 100 ms. Loopback only; bounded in time and in file descriptors; asserts nothing.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { generateDeck } from './generate-deck.mjs';
import { record } from './results.mjs';

const arg = (name) => process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];
const COUNTS = (arg('counts') ?? process.env.BENCH_FOLLOWERS ?? '200,500,1000,2000,5000').split(',').map(Number).filter((n) => n > 0);
const MOVES = Number(arg('moves') ?? process.env.BENCH_CHANGES ?? 40);
const MOVE_EVERY_MS = 50; // a presenter clicking through fragments as fast as anyone does
const TARGET_P99_MS = 100;
const DROPPED_SHARE = 0.25;
const CONNECT_BATCH = 250; // a room does not connect in one millisecond; also stays under the listen backlog
/** e.g. `BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"` to profile the server. */
const SERVER_NODE_ARGS = (process.env.BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
const HOST = '127.0.0.1'; // never any other address
const DEADLINE_MS = 240_000;
const PER_COUNT_MS = 60_000;
/** File descriptors a count needs in each process (one socket per follower) beyond the ones Node keeps. */
const fdsFor = (n) => n + 256;

// File descriptors: one per follower here and in the server. A soft limit below the need is raised
// once, to just what the largest count needs, by running this script again under `ulimit -n`.
const limits = readFdLimits();
const need = fdsFor(Math.max(...COUNTS));
if (limits && limits.soft < need && limits.hard >= need && !process.env.DECKHAND_BENCH_RAISED) {
  const raised = Math.min(limits.hard, need);
  const child = spawn('/bin/sh', ['-c', `ulimit -n ${raised} && exec "$0" "$@"`, process.execPath, ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, DECKHAND_BENCH_RAISED: '1' },
  });
  child.on('exit', (code) => process.exit(code ?? 1));
} else {
  await main();
}

function readFdLimits() {
  try {
    const read = (flag) => {
      const v = execFileSync('/bin/sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).trim();
      return v === 'unlimited' ? Infinity : Number(v);
    };
    return { soft: read('-n'), hard: read('-Hn') };
  } catch {
    return undefined; // no POSIX shell: assume the limit is enough and let a failure say otherwise
  }
}

async function main() {
  const bin = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'deckhand.js');
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'deckhand-followers-'));
  generateDeck(work, 60);
  const started = Date.now();
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const pct = (xs, p) => (xs.length ? xs[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))] : NaN);
  const ms = (x) => (Number.isFinite(x) ? `${Math.round(x * 10) / 10} ms` : '–');
  const sockets = new Set();
  let server;

  const cleanUp = () => {
    for (const s of sockets) s.terminate();
    server?.kill('SIGTERM');
    fs.rmSync(work, { recursive: true, force: true });
  };
  const deadline = setTimeout(() => {
    process.stderr.write(`\nbench: stopped at the ${DEADLINE_MS / 1000} s limit\n`);
    cleanUp();
    process.exit(1);
  }, DEADLINE_MS);

  /** Starts `deckhand present` on loopback and resolves with its port and token once it listens. */
  const startServer = (port = 0) =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [...SERVER_NODE_ARGS, bin, 'present', 'slides/deck.md', '--host', HOST, '--port', String(port), '--no-chromium', ...(port ? [] : ['--new-session'])], {
        cwd: work,
        env: { ...process.env, DECKHAND_CACHE_DIR: path.join(work, '.cache') },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      const onData = (d) => {
        out += d;
        const m = /speaker {3}http:\/\/([\d.]+):(\d+)\/_deckhand\/speaker#token=([\w-]+)/.exec(out);
        if (m && out.includes('(Ctrl+C to stop)')) {
          child.stdout.off('data', onData);
          child.stdout.resume();
          if (m[1] !== HOST) reject(new Error(`the server is not on ${HOST}: ${m[1]}`));
          resolve({ child, port: Number(m[2]), token: m[3] });
        }
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', (d) => (out += d));
      child.on('exit', (code) => reject(new Error(`deckhand present exited with ${code}: ${out}`)));
    });

  /** The server's resident memory, from /proc (Linux); undefined elsewhere. */
  const rssMb = (pid) => {
    try {
      const kb = Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
      return Math.round(kb / 1024);
    } catch {
      return undefined;
    }
  };

  /** CPU time (user + system) a process used so far, in ms, from /proc (Linux); undefined elsewhere. */
  const cpuMs = (pid) => {
    try {
      const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ = 100)
    } catch {
      return undefined;
    }
  };

  /** A follower page: notes when each position version arrived; reconnects like the browser code. */
  class Follower {
    constructor(port, room) {
      this.port = port;
      this.room = room;
      this.arrived = new Map();
      this.live = undefined;
      this.delay = 250;
      this.connect();
    }
    connect() {
      const ws = new WebSocket(`ws://${HOST}:${this.port}/_deckhand/ws`, { origin: `http://${HOST}:${this.port}`, perMessageDeflate: false });
      this.ws = ws;
      sockets.add(ws);
      ws.on('open', () => {
        this.room.opened++;
        this.delay = 250;
      });
      ws.on('message', (data) => {
        const at = performance.now();
        const m = JSON.parse(String(data));
        if (m.type !== 'position') return;
        if (!this.arrived.has(m.version)) this.room.count(m.version);
        this.arrived.set(m.version, at);
        this.live = m.position;
      });
      ws.on('error', () => {});
      ws.on('close', () => {
        sockets.delete(ws);
        // As the browser code does (src/client/socket.ts): 250 ms, doubling to 2 s.
        if (!this.stopped) setTimeout(() => this.connect(), this.delay);
        this.delay = Math.min(this.delay * 2, 2000);
      });
    }
    drop() {
      this.ws.terminate();
    }
    stop() {
      this.stopped = true;
      this.ws.terminate();
    }
  }

  /** Counts, per version, how many followers have it: waiting for "everyone" without scanning them all. */
  class Room {
    opened = 0;
    reached = new Map();
    count(version) {
      this.reached.set(version, (this.reached.get(version) ?? 0) + 1);
    }
  }

  async function until(test, what, limitMs = 20_000) {
    const end = Date.now() + limitMs;
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

  /** One count: a fresh server, the room connects, the talk moves, some drop, the server restarts. */
  async function measure(n) {
    const row = { followers: n };
    const first = await startServer();
    server = first.child;
    const { port, token } = first;
    const rssIdle = rssMb(server.pid);
    const room = new Room();
    const followers = [];
    try {
      let t = performance.now();
      for (let i = 0; i < n; i += CONNECT_BATCH) {
        const batch = Math.min(CONNECT_BATCH, n - i);
        for (let j = 0; j < batch; j++) followers.push(new Follower(port, room));
        await until(() => room.opened >= i + batch, `${i + batch} followers to connect`);
      }
      await until(() => followers.every((f) => f.live), 'every follower to get the live position');
      row.connected = followers.filter((f) => f.ws.readyState === WebSocket.OPEN).length;
      row.connectMs = performance.now() - t;

      const driver = await openDriver(port, token);
      const base = driver.version();
      const sentAt = new Map();
      const serverCpu = cpuMs(server.pid);
      const ownCpu = process.cpuUsage();
      for (let i = 1; i <= MOVES; i++) {
        sentAt.set(base + i, performance.now());
        driver.send({ type: 'go', position: { h: i % 60, v: 0, f: -1 } }); // every move moves: h differs from the last
        await sleep(MOVE_EVERY_MS);
      }
      const last = base + MOVES;
      await until(() => (room.reached.get(last) ?? 0) >= n, 'the last move everywhere', 15_000).catch(() => {});
      row.rss = rssMb(server.pid);
      row.serverCpuPerMove = (cpuMs(server.pid) - serverCpu) / MOVES;
      const own = process.cpuUsage(ownCpu);
      row.clientCpuPerMove = (own.user + own.system) / 1000 / MOVES;
      const latencies = [];
      const roomWide = [];
      for (const [version, sent] of sentAt) {
        let slowest = 0;
        let all = true;
        for (const f of followers) {
          const at = f.arrived.get(version);
          if (at === undefined) {
            all = false;
            continue;
          }
          latencies.push(at - sent);
          slowest = Math.max(slowest, at - sent);
        }
        if (all) roomWide.push(slowest);
        if (process.env.BENCH_DEBUG) process.stderr.write(`${n} followers, move ${version - base}: whole room ${Math.round(slowest)} ms\n`);
      }
      latencies.sort((a, b) => a - b);
      roomWide.sort((a, b) => a - b);
      row.delivered = latencies.length;
      row.expected = n * MOVES;
      Object.assign(row, { p50: pct(latencies, 50), p90: pct(latencies, 90), p99: pct(latencies, 99), max: latencies.at(-1), room50: pct(roomWide, 50), roomMax: roomWide.at(-1) });

      // A quarter of the room loses its connection while the talk moves on.
      const dropped = followers.slice(0, Math.ceil(n * DROPPED_SHARE));
      for (const f of dropped) f.drop();
      for (let i = 1; i <= 5; i++) await driver.send({ type: 'go', position: { h: 40 + i, v: 0, f: -1 } });
      t = performance.now();
      await until(() => dropped.every((f) => f.live?.h === 45), 'dropped followers to converge');
      row.reconnectMs = performance.now() - t;

      // The presenter restarts the server (same port, same session): the whole room comes back to the live slide.
      driver.close();
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
      for (const f of followers) f.live = undefined;
      t = performance.now();
      const second = await startServer(port);
      server = second.child;
      await until(() => followers.every((f) => f.live?.h === 45), 'the whole room back on the live slide', 30_000);
      row.restartMs = performance.now() - t;
      row.tokenKept = second.token === token;
    } catch (e) {
      row.failed = e.message;
    } finally {
      for (const f of followers) f.stop();
      server.kill('SIGTERM');
      await new Promise((r) => (server.exitCode === null ? server.once('exit', r) : r()));
      await sleep(300); // let the closed sockets go before the next count connects
    }
    row.rssIdle = rssIdle;
    return row;
  }

  /** Ticks the whole machine spent idle and in total (/proc/stat), to say how busy the neighbours kept it. */
  const machineTicks = () => {
    try {
      const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
      return { idle: f[3] + f[4], total: f.reduce((a, b) => a + b, 0) };
    } catch {
      return undefined;
    }
  };
  const ticksAtStart = machineTicks();
  const cores = os.cpus().length;
  const load = os.loadavg().map((l) => l.toFixed(2)).join(' / ');
  console.log(`deckhand present: followers on ${HOST}, ${MOVES} moves ${MOVE_EVERY_MS} ms apart per count`);
  console.log(`machine: ${cores} cores (${os.cpus()[0]?.model.trim()}), ${Math.round(os.totalmem() / 2 ** 30)} GB; load average 1/5/15 min: ${load}`);
  console.log(`file descriptors: soft limit ${limits ? limits.soft : 'unknown'}, hard limit ${limits ? limits.hard : 'unknown'}; the followers and the server share the cores (loopback)`);
  const rows = [];
  for (const n of COUNTS) {
    const fds = readFdLimits()?.soft ?? Infinity;
    if (fds < fdsFor(n)) {
      console.log(`${n} followers: skipped: needs ${fdsFor(n)} file descriptors per process, the limit is ${fds} (raise it with \`ulimit -n ${fdsFor(n)}\`)`);
      rows.push({ followers: n, failed: `file descriptor limit ${fds}` });
      continue;
    }
    if (Date.now() - started > DEADLINE_MS - PER_COUNT_MS) {
      console.log(`${n} followers: skipped: the bench is near its ${DEADLINE_MS / 1000} s limit`);
      rows.push({ followers: n, failed: 'time limit' });
      continue;
    }
    const row = await measure(n);
    rows.push(row);
    process.stdout.write(`${n} followers: ${row.failed ? `failed: ${row.failed}` : `p99 ${ms(row.p99)}, ${row.delivered} of ${row.expected} delivered`}\n`);
  }
  clearTimeout(deadline);

  const ok = (r) => !r.failed && r.delivered === r.expected && r.p99 <= TARGET_P99_MS;
  console.table(
    rows.map((r) => ({
      followers: r.followers,
      connected: r.connected ?? '–',
      'delivered (15 s)': r.expected ? `${r.delivered}/${r.expected}` : '–',
      p50: ms(r.p50),
      p90: ms(r.p90),
      p99: ms(r.p99),
      max: ms(r.max),
      'whole room p50': ms(r.room50),
      'whole room max': ms(r.roomMax),
      'CPU per move: server / followers': `${ms(r.serverCpuPerMove)} / ${ms(r.clientCpuPerMove)}`,
      'server RSS idle→busy': r.rss ? `${r.rssIdle} → ${r.rss} MB` : '–',
      [`${DROPPED_SHARE * 100}% dropped back`]: ms(r.reconnectMs),
      'restart: room back': ms(r.restartMs),
      verdict: r.failed ? `failed: ${r.failed}` : ok(r) ? 'ok' : `over target`,
    })),
  );
  // The largest count that held; a smaller count that missed is named, since on a shared machine
  // a neighbour's burst can sink one run (run that count again before believing it).
  const held = rows.filter(ok).map((r) => r.followers);
  const ceiling = Math.max(0, ...held);
  const missedBelow = rows.filter((r) => !ok(r) && r.followers < ceiling).map((r) => r.followers);
  console.log(`latency: from the remote sending a move to a follower receiving it (every follower, every move); "whole room": until the last follower has it`);
  console.log(`CPU per move: what the server and the simulated followers (this process) spent per move, over the ${MOVES} moves; the two share the machine's cores`);
  console.log(`target: every move reaches every follower with p99 ≤ ${TARGET_P99_MS} ms, at 2000 followers or more`);
  console.log(`ceiling on this machine (${cores} cores): ${ceiling ? `${ceiling} followers` : 'none of the counts met the target'}${rows.every(ok) ? ' (every count tried held: the ceiling is higher)' : ''}${missedBelow.length ? ` (${missedBelow.join(', ')} missed in this run: the machine was busy? run --counts=${missedBelow.join(',')} again)` : ''}`);
  record('followers-ceiling', ceiling, { counts: rows.map((r) => r.followers).join(',') });
  const ticksAtEnd = machineTicks();
  if (ticksAtStart && ticksAtEnd) {
    const idle = (ticksAtEnd.idle - ticksAtStart.idle) / (ticksAtEnd.total - ticksAtStart.total);
    console.log(`machine idle during the bench: ${Math.round(idle * 100)}% (near 0%: other work competed with the bench for the cores)`);
  }
  console.log(`bench wall time: ${Math.round((Date.now() - started) / 100) / 10} s`);
  cleanUp();
}

import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { RawData, WebSocket } from 'ws';
import { Notifier } from '../server/notifier';
import type { LivePosition } from './position';
import { commandSeq, parseCatchUp, parseCommand, type PresentCommand, type PresentMessage, type SlideHtml } from '../protocol/present-messages';
import { isPresenterToken } from './presenter-token';
import type { DrawnSlides } from './talk-deck';
import { FanOut } from './fan-out';

export interface ChannelOptions {
  /** Identifies the deck's build: a page from another build reloads. */
  session: string;
  token: string;
  live: LivePosition;
  /** When the talk's timer started (server clock); set on the first driver's claim. */
  startedAt?: number;
  /** Called after every accepted command, to save the session. */
  onChange(state: { startedAt?: number }): void;
  log(line: string): void;
  /** The deck's count of drawing updates (see `slides` in present-messages.ts). */
  drawn(): number;
  /** The slides changed since `from` updates; `frames`: as the views' deck frame shows them. */
  catchUp(from: number, frames: boolean): SlideHtml[];
  now?: () => number;
}

const PING_MS = 20_000;

/**
 * The presenter server's side of the WebSocket channel: every page follows the live position;
 * pages that send a command with the token (speaker view, remote) drive it. Commands from any
 * other page are answered with `refused` and change nothing.
 */
export class PresentChannel {
  private readonly notifier: Notifier<PresentMessage>;
  private readonly sockets = new Set<WebSocket>();
  private readonly drivers = new Set<WebSocket>();
  /** Pages that showed the deck in frames (the speaker view, the remote): every one sends `claim`, with a token or not. */
  private readonly views = new WeakSet<WebSocket>();
  private readonly warned = new WeakSet<WebSocket>();
  private readonly alive = new WeakSet<WebSocket>();
  private readonly pinger: NodeJS.Timeout;
  private readonly fanOut = new FanOut();
  private startedAt?: number;
  /** The phone remote's link and QR code, sent to drivers only (it holds the token). */
  remote?: { url: string; qrSvg: string };

  constructor(private readonly o: ChannelOptions) {
    this.startedAt = o.startedAt;
    this.notifier = new Notifier<PresentMessage>((send, ws) => {
      send({ type: 'hello', session: o.session, drawn: o.drawn() });
      send(this.positionMessage());
      this.sockets.add(ws);
      this.alive.add(ws);
      ws.on('pong', () => this.alive.add(ws));
      ws.on('message', (data, isBinary) => this.handle(ws, send, data, isBinary));
      ws.on('close', () => {
        this.sockets.delete(ws);
        this.drivers.delete(ws);
      });
    });
    // A phone that walked out of Wi-Fi leaves a socket open without an answer: drop it.
    this.pinger = setInterval(() => this.sweep(), PING_MS);
    this.pinger.unref();
  }

  /** Another build of the deck: every open page reloads into it. */
  newBuild(session: string): void {
    this.o.session = session;
    this.notifier.broadcast({ type: 'hello', session, drawn: this.o.drawn() });
  }

  /** Diagrams were drawn: each page gets its slides in place, the views with their frame's markup. */
  slidesDrawn(update: DrawnSlides): void {
    // Encoded once, as FanOut does for moves: ws would turn a string into bytes again for every socket.
    const room = Buffer.from(JSON.stringify({ type: 'slides', drawn: update.drawn, slides: update.room } satisfies PresentMessage));
    const frames = Buffer.from(JSON.stringify({ type: 'slides', drawn: update.drawn, slides: update.frames, frames: true } satisfies PresentMessage));
    for (const ws of this.sockets) if (ws.readyState === ws.OPEN) ws.send(this.views.has(ws) ? frames : room, { binary: false });
  }

  accept(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.notifier.accept(req, socket, head);
  }

  get connections(): number {
    return this.notifier.size;
  }

  close(): void {
    clearInterval(this.pinger);
    this.notifier.close();
  }

  private handle(ws: WebSocket, send: (m: PresentMessage) => void, data: RawData, isBinary: boolean): void {
    const text = isBinary ? '' : data.toString();
    // A page served before some diagrams were drawn asks for them: no token needed, nothing changes.
    const catchUp = parseCatchUp(text);
    if (catchUp) {
      const frames = this.views.has(ws);
      const slides = this.o.catchUp(catchUp.from, frames);
      if (slides.length) send({ type: 'slides', drawn: this.o.drawn(), slides, ...(frames ? { frames: true as const } : {}) });
      return;
    }
    const command = parseCommand(text);
    if (!command) return send({ type: 'refused', seq: commandSeq(text), reason: 'invalid' });
    if (command.type === 'claim') this.views.add(ws);
    const verdict = this.o.live.judge(ws, command, isPresenterToken(command.token, this.o.token));
    if (!verdict.accepted) {
      send({ type: 'refused', seq: command.seq, reason: verdict.reason });
      // The sender's view may be off: show it where the talk really is.
      send(this.positionMessage());
      if (verdict.reason === 'token' && !this.warned.has(ws)) {
        this.warned.add(ws);
        this.o.log('deckhand: refused a command from a page without the presenter token');
      }
      return;
    }
    this.apply(ws, send, command, verdict.moved);
    this.o.onChange({ startedAt: this.startedAt });
  }

  private apply(ws: WebSocket, send: (m: PresentMessage) => void, command: PresentCommand, moved: boolean): void {
    const now = (this.o.now ?? Date.now)();
    switch (command.type) {
      case 'claim':
        this.drivers.add(ws);
        this.startedAt ??= now;
        send({ type: 'driver', seq: command.seq, elapsedMs: now - this.startedAt, remote: this.remote });
        return;
      case 'reset-timer':
        this.startedAt = now;
        for (const d of this.drivers) d.send(JSON.stringify({ type: 'timer', elapsedMs: 0 } satisfies PresentMessage));
        return;
      case 'go':
        send({ type: 'accepted', seq: command.seq, version: this.o.live.current.version });
        if (moved) this.fanOut.broadcast(this.sockets, this.positionMessage());
        return;
    }
  }

  private positionMessage(): PresentMessage & { type: 'position' } {
    const { position, version } = this.o.live.current;
    return { type: 'position', position, version };
  }

  private sweep(): void {
    for (const ws of this.sockets) {
      if (!this.alive.has(ws)) {
        ws.terminate();
        continue;
      }
      this.alive.delete(ws);
      ws.ping();
    }
  }
}

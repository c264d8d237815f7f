import WebSocket from 'ws';
import type { PresentCommand, PresentMessage, SlidePosition } from '../../src/protocol/present-messages';

/**
 * Simulated pages for the presenter server: plain `ws` clients on loopback that speak the same
 * protocol as the browser code (with the Origin header a page of the server would send).
 */
export class SimClient {
  readonly received: PresentMessage[] = [];
  live?: { position: SlidePosition; version: number };
  private ws!: WebSocket;
  private closedByUs = false;
  private waiters: Array<() => void> = [];
  opened = 0;

  constructor(
    private readonly port: number,
    private readonly reconnect = false,
  ) {
    this.connect();
  }

  private connect(): void {
    const ws = new WebSocket(`ws://127.0.0.1:${this.port}/_deckhand/ws`, { origin: `http://127.0.0.1:${this.port}` });
    this.ws = ws;
    ws.on('open', () => this.opened++);
    ws.on('message', (data) => {
      const m = JSON.parse(String(data)) as PresentMessage;
      this.received.push(m);
      if (m.type === 'position') this.live = { position: m.position, version: m.version };
      for (const w of this.waiters.splice(0)) w();
    });
    ws.on('error', () => {});
    ws.on('close', () => {
      if (this.reconnect && !this.closedByUs) setTimeout(() => this.connect(), 100);
    });
  }

  get isOpen(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  send(command: PresentCommand | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(command));
  }

  /** Resolves when a received message satisfies `test` (already received ones count). */
  waitFor(test: (m: PresentMessage) => boolean, timeoutMs = 5000): Promise<PresentMessage> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out; received ${JSON.stringify(this.received.slice(-3))}`)), timeoutMs);
      let seen = 0;
      const check = () => {
        for (; seen < this.received.length; seen++) {
          if (test(this.received[seen])) {
            clearTimeout(timer);
            return resolve(this.received[seen]);
          }
        }
        this.waiters.push(check);
      };
      check();
    });
  }

  /** Drops the connection as a network failure would (no close handshake). */
  drop(): void {
    this.ws.terminate();
  }

  close(): void {
    this.closedByUs = true;
    this.ws.terminate();
  }
}

/** A driver: a client that claims with the token and numbers its commands. */
export class SimDriver extends SimClient {
  seq = 0;
  constructor(
    port: number,
    readonly token: string,
  ) {
    super(port);
  }

  async claim(): Promise<PresentMessage> {
    await this.waitFor((m) => m.type === 'position');
    const seq = ++this.seq;
    this.send({ type: 'claim', token: this.token, seq });
    return this.waitFor((m) => (m.type === 'driver' || m.type === 'refused') && m.seq === seq);
  }

  go(position: SlidePosition): Promise<PresentMessage> {
    const seq = ++this.seq;
    this.send({ type: 'go', token: this.token, seq, position });
    return this.waitFor((m) => (m.type === 'accepted' || m.type === 'refused') && m.seq === seq);
  }
}

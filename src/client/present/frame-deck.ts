import type { SlideHtml, SlidePosition } from '../../protocol/present-messages';
import { parseFrameEvent, type DeckFacts, type FrameCommand, type FrameRequest, type FrameSnapshot } from './frame-messages';

/**
 * The deck shown inside the speaker view and the remote, seen from the view: a proxy fed by
 * the snapshots the frame posts (see frame-bridge.ts), driving it by postMessage only.
 * The frame is sandboxed (`allow-scripts` without `allow-same-origin`) and its page is served
 * with a CSP sandbox, so the deck's own scripts cannot reach this page or the token in its URL.
 */
export class FrameDeck {
  private nextId = 1;
  private readonly answers = new Map<number, (s: FrameSnapshot) => void>();
  private readonly listeners: Array<(cause: number) => void> = [];

  private constructor(
    private readonly target: Window,
    readonly facts: DeckFacts,
    private snapshot: FrameSnapshot,
    /** Drawing updates the frame shows: its page's, then each patch's. */
    public drawn: number,
  ) {}

  /** Where the deck was at its last snapshot. */
  get position(): SlidePosition {
    return this.snapshot.position;
  }
  get pastCount(): number {
    return this.snapshot.pastCount;
  }
  get totalSlides(): number {
    return this.snapshot.totalSlides;
  }
  /** The current slide's notes as the author wrote them: untrusted HTML. */
  get notes(): string {
    return this.snapshot.notes;
  }
  isPaused(): boolean {
    return !!this.snapshot.position.paused;
  }

  /** Called after every snapshot with the id of the command it answers (0: a move made in the frame). */
  onMove(listener: (cause: number) => void): void {
    this.listeners.push(listener);
  }

  /** Moves to `position` (blackout included); returns the command's id, echoed by the snapshot after it. */
  slide(position: SlidePosition): number {
    return this.send({ deckhand: 'slide', position }).id;
  }
  next(): void {
    this.send({ deckhand: 'next' });
  }
  prev(): void {
    this.send({ deckhand: 'prev' });
  }
  togglePause(paused?: boolean): void {
    this.send({ deckhand: 'toggle-pause', paused });
  }
  triggerKey(keyCode: number): void {
    this.send({ deckhand: 'key', keyCode });
  }
  /** Replaces slides whose diagrams were drawn (`drawn`: the deck's count after them), the deck staying where it is. */
  patch(slides: SlideHtml[], drawn: number): void {
    this.send({ deckhand: 'patch', slides });
    this.drawn = Math.max(this.drawn, drawn);
  }
  /** Shows the step after `position`; resolves with whether `position` is the deck's last step. */
  async preview(position: SlidePosition): Promise<boolean> {
    return !!(await this.send({ deckhand: 'preview', position }).answer).atEnd;
  }

  private send(request: FrameRequest): { id: number; answer: Promise<FrameSnapshot> } {
    const id = this.nextId++;
    const answer = new Promise<FrameSnapshot>((resolve) => this.answers.set(id, resolve));
    // The frame's origin is opaque, so no origin can be named; commands hold nothing secret.
    this.target.postMessage({ ...request, id } as FrameCommand, '*');
    return { id, answer };
  }

  private update(s: FrameSnapshot): void {
    this.snapshot = s;
    this.answers.get(s.cause)?.(s);
    this.answers.delete(s.cause);
    for (const l of this.listeners) l(s.cause);
  }

  /**
   * Loads the frame page into `frame` and resolves once its deck is ready. Only messages from
   * this frame's window are read: another frame, a popup or the page itself cannot feed it.
   */
  static load(frame: HTMLIFrameElement, url: string): Promise<FrameDeck> {
    return new Promise((resolve) => {
      let deck: FrameDeck | undefined;
      window.addEventListener('message', (e) => {
        if (!frame.contentWindow || e.source !== frame.contentWindow) return;
        const m = parseFrameEvent(e.data);
        if (!m) return;
        if (deck) deck.update(m.snapshot);
        else if (m.deckhand === 'ready') resolve((deck = new FrameDeck(frame.contentWindow, m.facts, m.snapshot, m.drawn)));
      });
      frame.src = url;
    });
  }
}

/**
 * The frame page's URL with reveal.js options in its query (reveal.js reads them there):
 * a "receiver" (reveal.js's name for its own speaker view frames: media muted) without
 * transitions, progress bar or URL updates.
 */
export function frameUrl(framePage: string, options: Record<string, string | number | boolean> = {}): string {
  const params = { progress: false, history: false, hash: false, transition: 'none', backgroundTransition: 'none', autoSlide: 0, scrollActivationWidth: false, ...options };
  return `${framePage}?receiver&${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}

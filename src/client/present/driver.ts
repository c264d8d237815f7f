import { samePosition, type CatchUpRequest, type PresentCommand, type PresentMessage, type SlidePosition } from '../../protocol/present-messages';
import { openSocket, type Socket } from '../socket';
import type { FrameDeck } from './frame-deck';

export type DriverState = 'connecting' | 'driving' | 'refused' | 'offline';

export interface DriverHooks {
  state(s: DriverState): void;
  /** The deck moved (by this view or by the server): notes, counters and previews follow. */
  moved(): void;
  timer(elapsedMs: number): void;
  remote(info: { url: string; qrSvg: string } | undefined): void;
}

/** A command the server does not answer within this time means a dead link: reconnect and resend. */
const ANSWER_MS = 4000;

/**
 * The part of the speaker view and the remote that drives the talk: it watches a deck (in a
 * frame) and sends each move the presenter makes there as a `go` command with the token and a
 * growing sequence number; it moves the deck to the live position when someone else drives.
 * While its own commands are unanswered it ignores echoes, so fast clicks never jump back.
 * The frame answers asynchronously: the moves this driver applied are known by the ids of the
 * commands that made them, so they are never sent back to the server as the presenter's.
 */
export class Driver {
  private readonly channel: Socket<PresentCommand | CatchUpRequest>;
  private seq = 0;
  private unanswered = 0;
  private answerTimer?: ReturnType<typeof setTimeout>;
  private live?: SlidePosition;
  /**
   * Where the room is, or is headed once this page's moves are taken: the last position sent,
   * until the server's next live position (which may arrive after its "accepted") says more.
   */
  private target?: SlidePosition;
  /** The last live position the frame was told to show. */
  private lastApplied?: SlidePosition;
  /** Ids of the frame commands that move the deck to the live position (not the presenter's moves). */
  private readonly applying = new Set<number>();
  /** The presenter moved while the command could not be sent: send it once connected again. */
  private unsent = false;
  private session?: string;
  state: DriverState = 'connecting';

  constructor(
    private readonly deck: FrameDeck,
    private readonly token: string,
    private readonly hooks: DriverHooks,
    /** The deck frames the page shows (the driven one among them): diagrams drawn later are patched into each. */
    private readonly frames: FrameDeck[] = [deck],
  ) {
    deck.onMove((cause) => this.onDeckMove(cause));
    this.channel = openSocket<PresentMessage, PresentCommand | CatchUpRequest>({
      open: () => this.claim(),
      close: () => {
        // Moves in flight may be lost with the socket: where the room is comes from the server again.
        this.unanswered = 0;
        this.target = undefined;
        clearTimeout(this.answerTimer);
        if (this.state !== 'refused') this.setState('offline');
      },
      message: (m) => this.handle(m),
    });
  }

  resetTimer(): void {
    if (this.state === 'driving') this.channel.send({ type: 'reset-timer', token: this.token, seq: ++this.seq });
  }

  private claim(): void {
    // Sent even without a token: the server's refusal is what the page shows.
    this.channel.send({ type: 'claim', token: this.token, seq: ++this.seq });
  }

  private handle(m: PresentMessage): void {
    switch (m.type) {
      case 'hello': {
        if (this.session && this.session !== m.session) location.reload();
        this.session = m.session;
        // A frame served before some diagrams were drawn: the server sends their slides.
        if (m.drawn > this.framesDrawn()) this.catchUp();
        return;
      }
      case 'slides':
        // The room's markup, sent before the server had this page's claim: ask again for the frames'.
        if (!m.frames) this.catchUp();
        else for (const f of this.frames) f.patch(m.slides, m.drawn);
        return;
      case 'position':
        this.live = m.position;
        if (!this.unanswered) this.target = m.position;
        if (!this.unanswered && !this.unsent) this.follow();
        return;
      case 'driver':
        this.setState('driving');
        this.hooks.timer(m.elapsedMs);
        this.hooks.remote(m.remote);
        if (this.unsent) {
          this.unsent = false;
          this.sendMove();
        } else this.follow();
        return;
      case 'accepted':
        this.answered();
        return;
      case 'refused':
        if (m.reason === 'token') {
          this.unsent = false;
          this.setState('refused');
        }
        this.answered();
        return; // the server sends the live position next
      case 'timer':
        this.hooks.timer(m.elapsedMs);
        return;
    }
  }

  private framesDrawn(): number {
    return Math.min(...this.frames.map((f) => f.drawn));
  }

  private catchUp(): void {
    this.channel.send({ type: 'catch-up', from: this.framesDrawn() });
  }

  private onDeckMove(cause: number): void {
    this.hooks.moved();
    if (this.applying.delete(cause)) return;
    this.sendMove();
  }

  private sendMove(): void {
    const here = this.deck.position;
    // The room is headed where this page last sent it, not where `live` may still say: a quick
    // next-then-back (or black screen on and off) must send the way back too.
    if (samePosition(here, this.target ?? this.live)) return;
    if (this.state === 'refused') {
      // A page without the token only watches: back to where the talk is.
      setTimeout(() => this.follow());
      return;
    }
    if (this.state !== 'driving' || !this.channel.send({ type: 'go', token: this.token, seq: ++this.seq, position: here })) {
      this.unsent = true;
      return;
    }
    this.target = here;
    this.unanswered++;
    clearTimeout(this.answerTimer);
    this.answerTimer = setTimeout(() => {
      this.unsent = true;
      this.target = undefined;
      this.channel.reconnect();
    }, ANSWER_MS);
  }

  private answered(): void {
    this.unanswered = Math.max(0, this.unanswered - 1);
    if (!this.unanswered) clearTimeout(this.answerTimer);
  }

  private follow(): void {
    // While the frame has not answered an earlier move to the live position, it is headed there:
    // a live position that changes back meanwhile must still be applied.
    const headed = this.applying.size ? this.lastApplied : this.deck.position;
    if (!this.live || samePosition(headed, this.live)) return;
    this.lastApplied = this.live;
    // The snapshot answering this command calls `moved`.
    this.applying.add(this.deck.slide(this.live));
  }

  private setState(s: DriverState): void {
    this.state = s;
    document.documentElement.dataset.deckDriver = s;
    this.hooks.state(s);
  }
}

/** The token sits after `#` in the link, so it never reaches a server log or a Referer header. */
export function tokenFromHash(): string {
  return new URLSearchParams(location.hash.slice(1)).get('token') ?? '';
}

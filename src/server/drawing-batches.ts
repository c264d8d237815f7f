/**
 * Turns diagrams drawn one by one into few updates of open pages (the dev server's decks and
 * the talk of `deckhand present`): the first drawing is patched in at once, later ones are
 * gathered while an update runs and for a gap after it, and two updates never run together.
 *
 * The gap grows with what an update costs, so on a big deck the server spends at most about a
 * fifth of its time on them and stays free for saves and page requests: an update re-reads the
 * deck from its caches (a few ms on small decks, ~25 ms at 1000 slides), so 500 diagrams drawn
 * in 20 s become some 100 updates, not 500.
 */
export class DrawingBatches {
  private timer?: ReturnType<typeof setTimeout>;
  private running = false;
  private pending = false;
  private closed = false;
  private lastEnd = -Infinity;
  private gap: number;

  constructor(
    private readonly update: () => Promise<void>,
    private readonly minGapMs = MIN_GAP_MS,
  ) {
    this.gap = minGapMs;
  }

  /** A diagram was drawn (or the drawing ended): an update follows, alone or with others. */
  drawn(): void {
    this.pending = true;
    this.schedule();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
  }

  private schedule(): void {
    if (this.closed || this.running || this.timer || !this.pending) return;
    const wait = Math.max(0, this.lastEnd + this.gap - performance.now());
    this.timer = setTimeout(() => void this.run(), wait);
    this.timer.unref?.();
  }

  private async run(): Promise<void> {
    this.timer = undefined;
    this.pending = false;
    this.running = true;
    const start = performance.now();
    try {
      await this.update();
    } finally {
      this.running = false;
      this.lastEnd = performance.now();
      this.gap = Math.max(this.minGapMs, COST_SHARE * (this.lastEnd - start));
      this.schedule();
    }
  }
}

const MIN_GAP_MS = 100;
/** The gap after an update, in multiples of what it cost: updates take at most 1 / (1 + 4) of the time. */
const COST_SHARE = 4;

import type { FrameDeck } from './frame-deck';
import { formatDuration, paceAt, slideTimings } from './pacing';

/**
 * The elapsed timer, the wall clock and the pacing line of the speaker view and the remote.
 * The server owns the timer's start: both views and a reloaded page show the same time.
 */
export class TalkClock {
  private startedAt?: number;
  private timings: number[] | null = null;
  private tick?: ReturnType<typeof setTimeout>;

  constructor(
    private readonly deck: FrameDeck,
    private readonly els: { elapsed: HTMLElement; clock: HTMLElement; pacing: HTMLElement },
  ) {
    this.timings = slideTimings(deck.facts.attributes, deck.facts);
    this.render();
  }

  /** The server says how long the talk has run (not when it started: clocks of devices differ). */
  setElapsed(ms: number): void {
    this.startedAt = Date.now() - ms;
    this.render();
  }

  render(): void {
    const now = Date.now();
    // The next tick lands on the elapsed time's next whole second: a fixed 1 s interval would show
    // each second up to 999 ms late, and the speaker and the remote out of step by as much.
    // (Before the talk starts, on the wall clock's seconds.)
    clearTimeout(this.tick);
    const sinceStart = now - (this.startedAt ?? 0);
    this.tick = setTimeout(() => this.render(), 1000 - (((sinceStart % 1000) + 1000) % 1000));
    this.els.clock.textContent = new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const elapsed = this.startedAt === undefined ? 0 : sinceStart;
    this.els.elapsed.textContent = formatDuration(elapsed);
    if (!this.timings || this.startedAt === undefined) return;
    const { state, leftMs } = paceAt(this.timings, this.deck.pastCount, elapsed);
    const words = { ahead: 'Ahead', 'on-track': 'On track', behind: 'Behind' }[state];
    this.els.pacing.hidden = false;
    this.els.pacing.dataset.pace = state;
    this.els.pacing.textContent = leftMs >= 0 ? `${words} · ${formatDuration(leftMs)} left for this slide` : `${words} · ${formatDuration(-leftMs)} over this slide's time`;
  }
}

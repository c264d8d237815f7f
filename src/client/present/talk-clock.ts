import type { FrameDeck } from './frame-deck';
import { formatDuration, paceAt, slideTimings } from './pacing';

/**
 * The elapsed timer, the wall clock and the pacing line of the speaker view and the remote.
 * The server owns the timer's start: both views and a reloaded page show the same time.
 */
export class TalkClock {
  private startedAt?: number;
  private timings: number[] | null = null;

  constructor(
    private readonly deck: FrameDeck,
    private readonly els: { elapsed: HTMLElement; clock: HTMLElement; pacing: HTMLElement },
  ) {
    this.timings = slideTimings(deck.facts.attributes, deck.facts);
    setInterval(() => this.render(), 1000);
    this.render();
  }

  /** The server says how long the talk has run (not when it started: clocks of devices differ). */
  setElapsed(ms: number): void {
    this.startedAt = Date.now() - ms;
    this.render();
  }

  render(): void {
    const now = Date.now();
    this.els.clock.textContent = new Date(now).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
    const elapsed = this.startedAt === undefined ? 0 : now - this.startedAt;
    this.els.elapsed.textContent = formatDuration(elapsed);
    if (!this.timings || this.startedAt === undefined) return;
    const { state, leftMs } = paceAt(this.timings, this.deck.pastCount, elapsed);
    const words = { ahead: 'Ahead', 'on-track': 'On track', behind: 'Behind' }[state];
    this.els.pacing.hidden = false;
    this.els.pacing.dataset.pace = state;
    this.els.pacing.textContent = leftMs >= 0 ? `${words} · ${formatDuration(leftMs)} left for this slide` : `${words} · ${formatDuration(-leftMs)} over this slide's time`;
  }
}

/**
 * Pacing as reveal.js's speaker view computes it: each slide gets its `data-timing` seconds;
 * with `totalTime`, the slides without one share what is left; otherwise they get
 * `defaultTiming`. Deckhand also paces a deck that sets only `data-timing`, giving the other
 * slides reveal.js's documented 120 s.
 */

export interface PacingConfig {
  totalTime?: unknown;
  defaultTiming?: unknown;
}

export type PaceState = 'ahead' | 'on-track' | 'behind';

const FALLBACK_TIMING = 120;

/** Seconds planned for each slide (reveal.js's `getSlidesAttributes()` order), or null: the deck sets no timing. */
export function slideTimings(attributes: ReadonlyArray<Record<string, string>>, config: PacingConfig): number[] | null {
  const totalTime = positive(config.totalTime);
  const hasTiming = attributes.some((a) => positive(a['data-timing']) !== undefined);
  const defaultTiming = positive(config.defaultTiming) ?? (hasTiming ? FALLBACK_TIMING : undefined);
  if (totalTime === undefined && defaultTiming === undefined) return null;
  const own = attributes.map((a) => positive(a['data-timing']));
  if (totalTime === undefined) return own.map((t) => t ?? defaultTiming!);
  const planned = own.reduce<number>((sum, t) => sum + (t ?? 0), 0);
  const open = own.filter((t) => t === undefined).length;
  const share = open ? Math.max(0, totalTime - planned) / open : 0;
  return own.map((t) => t ?? share);
}

/**
 * At `elapsedMs` into the talk, on slide `index`: the time left to finish this slide on plan
 * (negative when late), and whether that is ahead, on track or behind.
 */
export function paceAt(timings: readonly number[], index: number, elapsedMs: number): { state: PaceState; leftMs: number } {
  const i = Math.max(0, Math.min(index, timings.length - 1));
  const slideEnd = timings.slice(0, i + 1).reduce((a, b) => a + b, 0) * 1000;
  const leftMs = slideEnd - elapsedMs;
  const state: PaceState = leftMs < 0 ? 'behind' : leftMs < (timings[i] ?? 0) * 1000 ? 'on-track' : 'ahead';
  return { state, leftMs };
}

/** `1:02:03`, `4:05` below an hour; negative times with a minus sign. */
export function formatDuration(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor(total / 60) % 60;
  const s = total % 60;
  const two = (n: number) => String(n).padStart(2, '0');
  return h ? `${sign}${h}:${two(m)}:${two(s)}` : `${sign}${m}:${two(s)}`;
}

function positive(x: unknown): number | undefined {
  const n = typeof x === 'string' ? parseInt(x, 10) : typeof x === 'number' ? x : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

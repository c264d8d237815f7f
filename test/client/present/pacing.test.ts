import { describe, expect, it } from 'vitest';
import { formatDuration, paceAt, slideTimings } from '../../../src/client/present/pacing';

const slides = (...timings: Array<string | undefined>) => timings.map((t): Record<string, string> => (t === undefined ? {} : { 'data-timing': t }));

describe('pacing', () => {
  it('has no plan when the deck sets no timing', () => {
    expect(slideTimings(slides(undefined, undefined), {})).toBeNull();
  });

  it('shares totalTime among the slides without data-timing, as reveal.js does', () => {
    expect(slideTimings(slides(undefined, '60', undefined), { totalTime: 300 })).toEqual([120, 60, 120]);
  });

  it('paces a deck that sets only data-timing, giving the other slides 120 s', () => {
    expect(slideTimings(slides('30', undefined), {})).toEqual([30, 120]);
    expect(slideTimings(slides('30', undefined), { defaultTiming: 45 })).toEqual([30, 45]);
  });

  it('says ahead, on track or behind for the time left on the current slide', () => {
    const t = [60, 60, 60];
    expect(paceAt(t, 1, 30_000)).toEqual({ state: 'ahead', leftMs: 90_000 });
    expect(paceAt(t, 1, 70_000)).toEqual({ state: 'on-track', leftMs: 50_000 });
    expect(paceAt(t, 1, 130_000)).toEqual({ state: 'behind', leftMs: -10_000 });
  });

  it('formats durations as a timer shows them', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(65_400)).toBe('1:05');
    expect(formatDuration(3_723_000)).toBe('1:02:03');
    expect(formatDuration(-10_000)).toBe('−0:10');
  });
});

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DrawingBatches } from '../../src/server/drawing-batches';

/** An update that takes `ms` of (fake) time and counts how often it ran, and whether two overlapped. */
function slowUpdate(ms: number) {
  const runs: number[] = [];
  let running = false;
  let overlapped = false;
  const update = async () => {
    overlapped ||= running;
    running = true;
    runs.push(performance.now());
    await new Promise((r) => setTimeout(r, ms));
    running = false;
  };
  return { update, runs, overlapped: () => overlapped };
}

describe('DrawingBatches', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] }));
  afterEach(() => vi.useRealTimers());

  it('patches the first drawing in at once and gathers the ones drawn while an update runs and for the gap after it', async () => {
    const { update, runs, overlapped } = slowUpdate(10);
    const batches = new DrawingBatches(update, 100);
    batches.drawn();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toHaveLength(1);
    // Fifty drawings, one every 2 ms: during the update and the gap after it.
    for (let i = 0; i < 50; i++) {
      batches.drawn();
      await vi.advanceTimersByTimeAsync(2);
    }
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.length).toBeGreaterThanOrEqual(2);
    expect(runs.length).toBeLessThanOrEqual(3);
    expect(overlapped()).toBe(false);
    // Nothing drawn since: no more updates.
    await vi.advanceTimersByTimeAsync(1000);
    expect(runs.length).toBeLessThanOrEqual(3);
  });

  it('waits longer after costly updates, so they never take more than a fifth of the time', async () => {
    const { update, runs } = slowUpdate(200);
    const batches = new DrawingBatches(update, 100);
    for (let t = 0; t < 5000; t += 10) {
      batches.drawn();
      await vi.advanceTimersByTimeAsync(10);
    }
    // 200 ms per update and 800 ms of gap after each: about one update a second.
    expect(runs.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < runs.length; i++) expect(runs[i] - runs[i - 1]).toBeGreaterThanOrEqual(1000);
  });

  it('runs no update once closed', async () => {
    const { update, runs } = slowUpdate(1);
    const batches = new DrawingBatches(update, 100);
    batches.close();
    batches.drawn();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { printQuery, printStep } from '../../src/export/print-pdf';
import { createProgressBar, renderProgressBar } from '../../src/export/progress-bar';

describe('progress bar', () => {
  it('draws the share done and the count within the given width', () => {
    const bars = [0, 4, 8].map((done) => renderProgressBar('printing', done, 8, 40));
    for (const bar of bars) expect(bar.length).toBeLessThanOrEqual(40);
    expect(bars[0]).toMatch(/^printing \[░+\] 0\/8 pages$/);
    expect(bars[1]).toMatch(/^printing \[(█+)(░+)\] 4\/8 pages$/);
    const [, full, empty] = /\[(█+)(░+)\]/.exec(bars[1])!;
    expect(full.length).toBe(empty.length);
    expect(bars[2]).toMatch(/^printing \[█+\] 8\/8 pages$/);
  });

  it('redraws in place on a terminal and ends with the summary line', () => {
    let out = '';
    const bar = createProgressBar({ isTTY: true, columns: 60, write: (s: string) => (out += s) }, 'printing');
    bar.update(0, 2);
    bar.update(1, 2);
    bar.update(1, 2); // unchanged: nothing written
    bar.update(2, 2);
    bar.finish('done: 2 pages');
    const frames = out.split('\r').filter(Boolean);
    expect(frames).toHaveLength(4);
    expect(frames[1]).toContain('1/2 pages');
    expect(frames.at(-1)).toBe('done: 2 pages\x1b[K\n');
  });

  it('writes only the summary line when the output is not a terminal (CI logs)', () => {
    let out = '';
    const bar = createProgressBar({ isTTY: false, write: (s: string) => (out += s) }, 'printing');
    bar.update(1, 2);
    bar.update(2, 2);
    bar.finish('done: 2 pages');
    expect(out).toBe('done: 2 pages\n');
  });
});

describe('print settings', () => {
  it('asks reveal.js for its print view at margin 0, one page per slide, fragments and notes as chosen', () => {
    expect(printQuery({ fragments: false, notes: false })).toBe('?print-pdf&margin=0&pdfMaxPagesPerSlide=1&pdfSeparateFragments=false&showNotes=false&transition=none');
    expect(printQuery({ fragments: true, notes: true })).toContain('pdfSeparateFragments=true&showNotes=separate-page');
  });

  it('prints in about twenty parts, at least four pages each', () => {
    expect(printStep(6)).toBe(4);
    expect(printStep(200)).toBe(10);
    expect(printStep(1000)).toBe(50);
  });
});

import { describe, expect, it } from 'vitest';
import { parseFenceInfo, splitHighlightedLines } from '../../src/render/highlight';

describe('parseFenceInfo', () => {
  it('reads reveal.js line-number syntax', () => {
    expect(parseFenceInfo('js [1|2-3,5]')).toEqual({ lang: 'js', steps: [[[1, 1]], [[2, 3], [5, 5]]], startFrom: undefined });
    expect(parseFenceInfo('py [10: 11]')).toMatchObject({ lang: 'py', startFrom: 10, steps: [[[11, 11]]] });
    expect(parseFenceInfo('bash')).toEqual({ lang: 'bash' });
    expect(parseFenceInfo('js []').steps).toEqual([[]]);
    // reveal.js's `0`: a step with nothing highlighted.
    expect(parseFenceInfo('js [0|2]').steps).toEqual([[], [[2, 2]]]);
  });
});

describe('splitHighlightedLines', () => {
  it('closes and reopens spans that cross line ends', () => {
    expect(splitHighlightedLines('<span class="c">/* a\nb */</span>x')).toEqual(['<span class="c">/* a</span>', '<span class="c">b */</span>x']);
  });
});

import { describe, expect, it } from 'vitest';
import { matchSlideIds } from '../../src/server/slide-identity';

let n = 0;
const fresh = () => `new${n++}`;
const old = [
  { id: 'a', hash: 'A', file: 'f1' },
  { id: 'b', hash: 'B', file: 'f1' },
  { id: 'c', hash: 'C', file: 'f2' },
];

describe('matchSlideIds', () => {
  it('keeps identities through an insert', () => {
    expect(matchSlideIds(old, [{ hash: 'A', file: 'f1' }, { hash: 'X', file: 'f1' }, { hash: 'B', file: 'f1' }, { hash: 'C', file: 'f2' }], fresh)).toEqual(['a', 'new0', 'b', 'c']);
  });
  it('gives an edited slide the identity it had', () => {
    expect(matchSlideIds(old, [{ hash: 'A', file: 'f1' }, { hash: 'B2', file: 'f1' }, { hash: 'C', file: 'f2' }], fresh)).toEqual(['a', 'b', 'c']);
  });
  it('keeps identities through a delete and a move', () => {
    expect(matchSlideIds(old, [{ hash: 'C', file: 'f2' }, { hash: 'A', file: 'f1' }], fresh)).toEqual(['c', 'a']);
  });
});

import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeSource, firstInvalidUtf8, type Decoded } from '../../src/load/decode-source';

const LIMIT = 1024;
const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));
const problemOf = (d: Decoded) => ('problem' in d ? d.problem : undefined);

describe('decodeSource', () => {
  it('returns UTF-8 text as it is', () => {
    expect(decodeSource(bytes('# Café ☕ 🐳\n'), 'a.md', LIMIT)).toEqual({ text: '# Café ☕ 🐳\n' });
  });

  it('strips a UTF-8 byte order mark', () => {
    expect(decodeSource(bytes([0xef, 0xbb, 0xbf], '---\ntitle: T\n---\n'), 'a.md', LIMIT)).toEqual({ text: '---\ntitle: T\n---\n' });
  });

  it('refuses random bytes and a PNG as "not a text file", naming the file', () => {
    const random = problemOf(decodeSource(randomBytes(600), 'r.md', LIMIT));
    expect(random).toMatchObject({ code: 'source-binary', severity: 'error', file: 'r.md' });
    expect(random?.message).toContain('not a text file');
    const png = problemOf(decodeSource(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'p.md', LIMIT));
    expect(png?.message).toMatch(/not a text file.*PNG image/);
  });

  it('points at the first byte that is not UTF-8, at the line and column an editor shows', () => {
    // "Café" saved as Latin-1 on line 3, after a line with multi-byte characters.
    const d = problemOf(decodeSource(bytes('# Menü\n\nCaf', [0xe9], ' au lait\n'), 'l.md', LIMIT));
    expect(d).toMatchObject({ code: 'source-encoding', file: 'l.md', line: 3, column: 4 });
    expect(d?.message).toContain('0xE9');
    expect(d?.frame).toContain('> 3 | Caf');
    const first = problemOf(decodeSource(bytes([0xff], 'x'), 'f.md', LIMIT));
    expect(first).toMatchObject({ line: 1, column: 1 });
  });

  it('says UTF-16 is UTF-16', () => {
    const d = problemOf(decodeSource(Buffer.from('\ufeff# Hi\n', 'utf16le'), 'w.md', LIMIT));
    expect(d).toMatchObject({ code: 'source-encoding' });
    expect(d?.message).toContain('UTF-16');
  });

  it('refuses a file over the size limit with its size', () => {
    const d = problemOf(decodeSource(bytes('a'), 'big.md', LIMIT, 8 * 1024 * 1024));
    expect(d).toMatchObject({ code: 'source-too-large', file: 'big.md' });
    expect(d?.message).toContain('8 MB');
  });
});

describe('firstInvalidUtf8', () => {
  it('finds stray, truncated, overlong and surrogate sequences', () => {
    expect(firstInvalidUtf8(bytes('ok é ☕ 🐳'))).toBe(-1);
    expect(firstInvalidUtf8(bytes('ab', [0x80]))).toBe(2);
    expect(firstInvalidUtf8(bytes('ab', [0xe2, 0x98]))).toBe(2);
    expect(firstInvalidUtf8(bytes([0xc0, 0xaf]))).toBe(0);
    expect(firstInvalidUtf8(bytes([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8(bytes([0xf4, 0x90, 0x80, 0x80]))).toBe(0);
  });
});

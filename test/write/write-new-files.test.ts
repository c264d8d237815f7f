import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCollision, writeNewFiles } from '../../src/write/write-new-files';
import { treeBytes } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';

describe('writeNewFiles', () => {
  it('creates files and their folders, leaving no temporary file behind', () => {
    const dir = makeProject({ 'keep.txt': 'mine' });
    writeNewFiles(dir, [{ path: 'a/b/one.txt', data: '1' }, { path: 'two.bin', data: new Uint8Array([0, 1]) }]);
    expect(treeBytes(dir)).toEqual({
      'keep.txt': Buffer.from('mine').toString('base64'),
      a: 'folder',
      'a/b': 'folder',
      'a/b/one.txt': Buffer.from('1').toString('base64'),
      'two.bin': 'AAE=',
    });
  });

  it('names the first file in the way, or a parent that is a file', () => {
    const dir = makeProject({ 'slides/x.md': '# x', notes: 'a file' });
    expect(findCollision(dir, [{ path: 'new.md', data: '' }])).toBeUndefined();
    expect(findCollision(dir, [{ path: 'new.md', data: '' }, { path: 'slides/x.md', data: '' }])).toBe('slides/x.md');
    expect(findCollision(dir, [{ path: 'notes/today.md', data: '' }])).toBe('notes');
  });

  it('never replaces an existing file, and undoes what it wrote before the failure', () => {
    const dir = makeProject({ 'deep/taken.md': 'original' });
    const before = treeBytes(dir);
    expect(() =>
      writeNewFiles(dir, [
        { path: 'first.md', data: 'new' },
        { path: 'fresh/folder/second.md', data: 'new' },
        { path: 'deep/taken.md', data: 'replaced?' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'EEXIST' }));
    expect(treeBytes(dir)).toEqual(before);
    expect(fs.readFileSync(path.join(dir, 'deep/taken.md'), 'utf8')).toBe('original');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build';
import { defaultCacheDir, userCacheFolder } from '../../src/cache/cache-location';
import { makeProject } from '../helpers/fixtures';

describe('where the cache goes', () => {
  it('inside a Node project: node_modules/.cache/deckhand', () => {
    const root = makeProject({ 'package.json': '{}' });
    expect(defaultCacheDir(root)).toBe(path.join(root, 'node_modules', '.cache', 'deckhand'));
  });

  it('elsewhere: the user cache folder, one folder per project', () => {
    const a = defaultCacheDir('/talks/a', { XDG_CACHE_HOME: '/c' }, 'linux');
    const b = defaultCacheDir('/talks/b', { XDG_CACHE_HOME: '/c' }, 'linux');
    expect(a.startsWith('/c/deckhand/a-')).toBe(true);
    expect(a).not.toBe(b);
    expect(userCacheFolder({ HOME: '/Users/me' }, 'darwin')).toBe('/Users/me/Library/Caches');
    expect(userCacheFolder({ LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' }, 'win32')).toBe('C:\\Users\\me\\AppData\\Local');
    expect(userCacheFolder({ HOME: '/home/me' }, 'linux')).toBe('/home/me/.cache');
  });

  it('building a lone talk.md in a folder that is not a Node project creates no node_modules/ there', async () => {
    const root = makeProject({ 'talk.md': '# Talk\n' });
    await build({ root, inputs: ['talk.md'], chromium: false, log: () => {} });
    expect(fs.readdirSync(root).sort()).toEqual(['dist', 'talk.md']);
  });
});

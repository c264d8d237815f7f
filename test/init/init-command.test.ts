import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectName } from '../../src/init/scaffold';
import { runDeckhand, treeBytes } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';

const OWN_VERSION = JSON.parse(fs.readFileSync(path.resolve(__dirname, '..', '..', 'package.json'), 'utf8')).version;
const FILES = [
  '.gitignore',
  'README.md',
  'diagrams/workflow.mmd',
  'package.json',
  'slides/my-talk/01-basics.md',
  'slides/my-talk/02-diagrams-and-layout.md',
  'slides/my-talk/images/logo.svg',
];

function filesUnder(dir: string): string[] {
  return Object.entries(treeBytes(dir)).filter(([, v]) => v !== 'folder').map(([k]) => k).sort();
}

describe('deckhand init', () => {
  it('scaffolds a new folder: package.json with the scripts and this Deckhand, the deck, .gitignore, README', () => {
    const cwd = makeProject({});
    const result = runDeckhand(cwd, ['init', 'My Talk']);
    expect(result.status, result.stderr).toBe(0);
    const dir = path.join(cwd, 'My Talk');
    expect(filesUnder(dir)).toEqual(FILES);

    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'my-talk', private: true, devDependencies: { deckhand: `^${OWN_VERSION}` } });
    expect(pkg.scripts).toMatchObject({
      dev: 'deckhand dev slides/my-talk',
      build: 'deckhand build slides/my-talk',
      check: 'deckhand check slides/my-talk',
      export: 'deckhand export slides/my-talk -o my-talk.pdf',
    });
    expect(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['node_modules/', 'dist/', 'my-talk.pdf', 'my-talk.html']));
    const readme = fs.readFileSync(path.join(dir, 'README.md'), 'utf8').trim().split('\n').filter(Boolean);
    expect(readme).toHaveLength(3);
    expect(readme.join('\n')).toMatch(/npm install[\s\S]*npm run dev/);
  });

  it('ends by printing the commands to run: cd into the folder, npm install, npm run dev', () => {
    const cwd = makeProject({});
    const result = runDeckhand(cwd, ['init', 'My Talk']);
    expect(result.stderr).toMatch(/Next:\n {2}cd 'My Talk'\n {2}npm install\n {2}npm run dev\n$/);
  });

  it('defaults to the current folder, which may hold other files, and then needs no cd', () => {
    const talk = path.join(makeProject({ 'talk/notes.txt': 'ideas', 'talk/slides/old/01.md': '# Old' }), 'talk');
    const result = runDeckhand(talk, ['init']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('cd ');
    expect(result.stderr).toMatch(/Next:\n {2}npm install\n {2}npm run dev\n$/);
    expect(fs.readFileSync(path.join(talk, 'notes.txt'), 'utf8')).toBe('ideas');
    expect(fs.existsSync(path.join(talk, 'slides/talk/01-basics.md'))).toBe(true);
  });

  it('refuses when any file it would write exists: exit 2, names the first, writes nothing', () => {
    const cwd = makeProject({ 'my-talk/keep.txt': 'mine', 'my-talk/slides/my-talk/02-diagrams-and-layout.md': '# my own chapter', 'my-talk/README.md': '# mine' });
    const before = treeBytes(cwd);
    const result = runDeckhand(cwd, ['init', 'my-talk']);
    expect(result.status).toBe(2);
    // README.md comes before the chapter in the order init writes: it is the one named.
    expect(result.stderr).toContain('my-talk/README.md already exists');
    expect(result.stderr).not.toContain('02-diagrams');
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(treeBytes(cwd)).toEqual(before);
  });

  it('refuses a folder argument that is a file', () => {
    const cwd = makeProject({ 'talk.md': '# a deck' });
    const result = runDeckhand(cwd, ['init', 'talk.md']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('talk.md: it is a file, not a folder');
  });

  it('derives an npm name from the folder name', () => {
    expect(projectName('My Talk 2025')).toBe('my-talk-2025');
    expect(projectName('Réseaux & Café')).toBe('reseaux-cafe');
    expect(projectName('.hidden_')).toBe('hidden');
    expect(projectName('talk.v2')).toBe('talk-v2');
    expect(projectName('!!!')).toBe('my-talk');
  });
});

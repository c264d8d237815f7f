import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDeck } from '../../src/load/find-decks';
import { TalkDeck, type DrawnSlides } from '../../src/present/talk-deck';
import { resolvePresentOptions } from '../../src/resolve-options';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

const diagram = '```mermaid\nflowchart LR\n  A --> B\n```';
const svgIds = (html: string) => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]).filter((id) => id.startsWith('deck-m-'));

describe.skipIf(!hasChromium())('TalkDeck with the same diagram on two slides, drawn while the talk is served', () => {
  let talk: TalkDeck | undefined;
  afterAll(() => talk?.close());

  it('patches both copies in with ids of their own, as the whole page has them: shared ids lose the arrowheads', async () => {
    const root = makeProject({ 'slides/twice.md': `# One\n\n${diagram}\n\n---\n\n# Two\n\n---\n\n# Three\n\n${diagram}\n` });
    const file = path.join(root, 'slides', 'twice.md');
    const updates: DrawnSlides[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    talk = await TalkDeck.open(readDeck(file, root), resolvePresentOptions({ root, input: file, cacheDir: path.join(root, '.cache'), chromium: CHROMIUM, log: () => {} }), {
      drawn: (u) => updates.push(u),
      done: () => finished(),
    });
    await done;
    const drawn = updates.flatMap((u) => u.room);
    expect(drawn.map((s) => s.key).sort()).toEqual(['0-0', '0-2']);
    const [first, third] = ['0-0', '0-2'].map((key) => svgIds(drawn.find((s) => s.key === key)!.html));
    expect(first.length).toBeGreaterThan(1);
    expect(third.length).toBe(first.length);
    expect(third.filter((id) => first.includes(id))).toEqual([]);
    // The later copy's references follow its renamed ids.
    const thirdHtml = drawn.find((s) => s.key === '0-2')!.html;
    expect([...thirdHtml.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1]).every((id) => third.includes(id))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDecks } from '../../src/check/check-decks';
import { exportDeck } from '../../src/export/export-deck';
import { CHROMIUM, hasChromium } from '../helpers/chromium';
import { makeProject } from '../helpers/fixtures';

// A literal "%" that starts no valid escape ("offer-50%.html") is a file name authors do write.
// The page asks for it (an iframe here) while it is printed or measured.
const deck = ['---', 'title: Offer', '---', '', '# Offer', '', 'See [the offer](offer-50%.html).', '', '![A 50% badge](badge-50%.png)', '', '<iframe src="offer-50%.html" title="The offer"></iframe>', ''].join('\n');
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

function project(): string {
  const root = makeProject({ 'slides/offer/deck.md': deck, 'slides/offer/offer-50%.html': '<p>offer</p>' });
  fs.writeFileSync(path.join(root, 'slides/offer/badge-50%.png'), PNG);
  return root;
}

describe.runIf(hasChromium())('links and images whose names hold a bare %', () => {
  it('deckhand check reports no problem instead of crashing with URIError', async () => {
    const root = project();
    const result = await checkDecks({ root, cacheDir: path.join(root, '.cache'), chromium: CHROMIUM, log: () => {} });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(result.decks).toEqual([{ name: 'offer', title: 'Offer', slides: 1 }]);
  });

  it('deckhand export --format pdf prints the deck', async () => {
    const root = project();
    const { file } = await exportDeck({ root, input: 'slides/offer', format: 'pdf', out: 'out/offer.pdf', chromium: CHROMIUM, cacheDir: path.join(root, '.cache'), log: () => {} });
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
  });
});

import type Reveal from 'reveal.js';

/**
 * Marks the page ready once reveal.js is ready, fonts are loaded and every diagram on the
 * current slide is drawn: exporters and tests wait for this signal, not for network idle.
 * In print view (`?print-pdf`) ready means the print pages are laid out with every slide's
 * fonts, images and diagrams in place, so a PDF can be printed at once.
 */
export function ReadyPlugin() {
  return {
    id: 'deckhand-ready',
    init(deck: Reveal.Api) {
      // `deckhand check` measures slides it has not shown yet: their fonts must be loaded first.
      (deck as unknown as { deckhandLoadFonts?: () => Promise<void> }).deckhandLoadFonts = loadSlideFonts;
      if ((deck.getConfig() as { view?: string }).view === 'print') {
        deck.on('pdf-ready', async () => {
          await document.fonts.ready;
          await decodeImages();
          markReady();
        });
        // Returning a promise holds reveal.js back until it resolves: it measures the print
        // pages right after its plugins start, and text measured in a fallback font is misplaced.
        return loadSlideFonts();
      }
      deck.on('ready', async () => {
        await document.fonts.ready;
        const pending = (window as unknown as { DeckhandDiagrams?: Promise<void> }).DeckhandDiagrams;
        if (pending) await pending;
        markReady();
      });
    },
  };
}

function markReady(): void {
  document.documentElement.setAttribute('data-deck-ready', 'true');
  document.dispatchEvent(new CustomEvent('deckhand:ready'));
}

/**
 * Loads every font face the slides' text uses, with the characters it uses (faces are split by
 * unicode-range), including slides that are not shown: browsers load a face only once
 * visible text needs it.
 */
export async function loadSlideFonts(): Promise<void> {
  const root = document.querySelector('.reveal .slides');
  if (!root) return;
  const chars = new Map<string, Set<string>>();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue?.trim();
    if (!text || !node.parentElement) continue;
    const s = getComputedStyle(node.parentElement);
    const font = `${s.fontStyle} ${s.fontWeight} 16px ${s.fontFamily}`;
    let set = chars.get(font);
    if (!set) chars.set(font, (set = new Set()));
    for (const c of text) set.add(c);
  }
  await Promise.all([...chars].map(([font, set]) => document.fonts.load(font, [...set].join('')).catch(() => [])));
  await document.fonts.ready;
}

/** Images must be decoded before printing, or Chromium may print an empty box. */
async function decodeImages(): Promise<void> {
  const images = Array.from(document.querySelectorAll<HTMLImageElement>('.reveal .slides img'));
  await Promise.all(images.map((img) => img.decode().catch(() => undefined)));
}

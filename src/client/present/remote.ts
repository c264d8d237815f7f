import { Driver, tokenFromHash } from './driver';
import { FrameDeck, frameUrl } from './frame-deck';
import { TalkClock } from './talk-clock';
import { byId, forwardKeys, notesSize, readViewConfig, showCount, showNotes, showStatus } from './view-parts';

/**
 * The phone remote: big previous/next buttons, swipes, the current slide's notes and the timer.
 * It drives a small copy of the deck, so "next" means exactly what it means in reveal.js
 * (fragments first, then vertical slides, then the next slide).
 */
const config = readViewConfig();
const SWIPE_PX = 40;

async function start(): Promise<void> {
  const deck = await FrameDeck.load(byId<HTMLIFrameElement>('deck-present-current'), frameUrl(config.frameUrl, { controls: false, touch: false, slideNumber: false }));
  const notes = byId('deck-present-notes');
  const count = byId('deck-present-count');
  const prev = byId<HTMLButtonElement>('deck-present-prev');
  const blackout = byId<HTMLButtonElement>('deck-present-blackout');
  const next = byId<HTMLButtonElement>('deck-present-next-button');
  const clock = new TalkClock(deck, { elapsed: byId('deck-present-elapsed'), clock: byId('deck-present-clock'), pacing: byId('deck-present-pacing') });

  const driver = new Driver(deck, tokenFromHash(), {
    state: (s) => {
      showStatus(byId('deck-present-status'), s);
      prev.disabled = next.disabled = blackout.disabled = s === 'refused';
    },
    moved: () => {
      blackout.setAttribute('aria-pressed', String(deck.isPaused()));
      showNotes(notes, deck);
      showCount(count, deck);
      clock.render();
    },
    timer: (ms) => clock.setElapsed(ms),
    remote: () => {},
  });
  const step = (forward: boolean) => {
    if (driver.state === 'refused') return;
    // After a blackout the first tap brings the slide back, as a key does in reveal.js.
    if (deck.isPaused()) deck.togglePause(false);
    else if (forward) deck.next();
    else deck.prev();
  };
  prev.addEventListener('click', () => step(false));
  next.addEventListener('click', () => step(true));
  blackout.addEventListener('click', () => driver.state !== 'refused' && deck.togglePause());
  onSwipe((forward) => step(forward));
  forwardKeys(deck, notesSize(notes, byId('deck-present-notes-smaller'), byId('deck-present-notes-larger'), byId('deck-present-notes-size')));
  showNotes(notes, deck);
  showCount(count, deck);
  document.documentElement.dataset.deckViewReady = 'true';
}

/** A mostly horizontal swipe anywhere: right to left is "next", as on a slide. */
function onSwipe(step: (forward: boolean) => void): void {
  let from: { x: number; y: number } | undefined;
  document.addEventListener('touchstart', (e) => {
    const t = e.touches[0];
    from = e.touches.length === 1 && t ? { x: t.clientX, y: t.clientY } : undefined;
  }, { passive: true });
  document.addEventListener('touchend', (e) => {
    const t = e.changedTouches[0];
    if (!from || !t) return;
    const dx = t.clientX - from.x;
    const dy = t.clientY - from.y;
    from = undefined;
    if (Math.abs(dx) >= SWIPE_PX && Math.abs(dx) > Math.abs(dy) * 1.5) step(dx < 0);
  });
}

void start();

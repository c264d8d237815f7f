import type { PresentPageConfig } from '../../protocol/present-page-config';
import type { DriverState } from './driver';
import type { FrameDeck } from './frame-deck';
import { sanitizeNotes } from './sanitize-notes';

/** Pieces the speaker view and the remote share: their config, status line, counter and notes. */

export function readViewConfig(): PresentPageConfig {
  return JSON.parse(document.getElementById('deck-present-config')?.textContent || '{}') as PresentPageConfig;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`Deckhand: the page has no #${id}`);
  return el as T;
}

const STATUS: Record<DriverState, string> = {
  connecting: 'Connecting…',
  driving: 'Presenter',
  offline: 'Reconnecting…',
  refused: 'Read-only',
};

export function showStatus(el: HTMLElement, state: DriverState): void {
  el.textContent = STATUS[state];
  el.dataset.state = state;
  byId('deck-present-refused').hidden = state !== 'refused';
}

export function showCount(el: HTMLElement, deck: FrameDeck): void {
  el.textContent = `${deck.pastCount + 1} / ${deck.totalSlides}`;
}

/**
 * The notes are the author's own HTML from the deck, as reveal.js's speaker view shows them,
 * but they come from the sandboxed frame: only their text and formatting reach this page.
 */
export function showNotes(el: HTMLElement, deck: FrameDeck): void {
  const notes = sanitizeNotes(deck.notes);
  if (notes.textContent?.trim()) el.replaceChildren(notes);
  else el.innerHTML = '<p class="deck-present-none">No notes on this slide.</p>';
}

const NOTES_SIZE_KEY = 'deckhand-notes-size';
/** Notes text sizes, as a scale of the view's own size: the presenter steps through them. */
const NOTES_SCALES = [0.8, 0.9, 1, 1.15, 1.3, 1.5, 1.75, 2, 2.5, 3];

/**
 * The notes' text size: the "A−"/"A+" buttons, or the `-` and `+` keys, step it down and up;
 * it is remembered in this browser (localStorage) across reloads and talks.
 * Returns the key handler the view calls before forwarding keys to the deck.
 */
export function notesSize(notes: HTMLElement, smaller: HTMLButtonElement, larger: HTMLButtonElement, shown: HTMLElement): (e: KeyboardEvent) => boolean {
  let scale = Number(readStored(NOTES_SIZE_KEY)) || 1;
  const apply = () => {
    notes.style.setProperty('--deck-notes-scale', String(scale));
    shown.textContent = `${Math.round(scale * 100)} %`;
    smaller.disabled = scale <= NOTES_SCALES[0];
    larger.disabled = scale >= NOTES_SCALES[NOTES_SCALES.length - 1];
  };
  const step = (by: 1 | -1) => {
    const at = NOTES_SCALES.findIndex((s) => s >= scale - 1e-9);
    const i = Math.min(NOTES_SCALES.length - 1, Math.max(0, (at < 0 ? NOTES_SCALES.length - 1 : at) + by));
    scale = NOTES_SCALES[i];
    try {
      localStorage.setItem(NOTES_SIZE_KEY, String(scale));
    } catch {
      // Storage may be off (private mode): the size holds until the page reloads.
    }
    apply();
  };
  smaller.addEventListener('click', () => step(-1));
  larger.addEventListener('click', () => step(1));
  apply();
  return (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey) return false;
    if (e.key === '+' || e.key === '=') step(1);
    else if (e.key === '-' || e.key === '_') step(-1);
    else return false;
    return true;
  };
}

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

// Keys that would scroll the view instead of moving the deck.
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * Keys typed in the view (not in its deck frame) drive the deck as if typed there, as in
 * reveal.js's speaker view; presentation clickers send these keys too. Tab and function keys
 * keep their browser meaning.
 */
export function forwardKeys(deck: FrameDeck, ownKeys: (e: KeyboardEvent) => boolean = () => false): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Tab' || /^F\d+$/.test(e.key)) return;
    const target = e.target as HTMLElement | null;
    // An open dialog keeps its keys (Escape closes it); a focused button keeps Enter and Space.
    if (target?.closest('dialog')) return;
    if (target?.closest('button, input, textarea, select') && (e.key === 'Enter' || e.key === ' ')) return;
    if (ownKeys(e)) {
      e.preventDefault();
      return;
    }
    if (NAVIGATION_KEYS.has(e.key)) e.preventDefault();
    deck.triggerKey(e.keyCode);
  });
}

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

// Keys that would scroll the view instead of moving the deck.
const NAVIGATION_KEYS = new Set(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', ' ', 'PageUp', 'PageDown', 'Home', 'End']);

/**
 * Keys typed in the view (not in its deck frame) drive the deck as if typed there, as in
 * reveal.js's speaker view; presentation clickers send these keys too. Tab and function keys
 * keep their browser meaning.
 */
export function forwardKeys(deck: FrameDeck): void {
  document.addEventListener('keydown', (e) => {
    if (e.ctrlKey || e.metaKey || e.altKey || e.key === 'Tab' || /^F\d+$/.test(e.key)) return;
    const target = e.target as HTMLElement | null;
    if (target?.closest('button, input, textarea, select, dialog') && (e.key === 'Enter' || e.key === ' ')) return;
    if (NAVIGATION_KEYS.has(e.key)) e.preventDefault();
    deck.triggerKey(e.keyCode);
  });
}

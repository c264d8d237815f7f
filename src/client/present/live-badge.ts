export type FollowState = 'live' | 'browsing' | 'offline';

/**
 * The audience page's one control: a quiet "Live" mark while the page follows the speaker, a
 * "Back to live" button once the viewer browses away, "Reconnecting…" while the link is down.
 */
export class LiveBadge {
  private readonly button = document.createElement('button');

  /** `quiet` (the projector): nothing shown while following, only the way back when browsing. */
  constructor(
    onRejoin: () => void,
    private readonly quiet = false,
  ) {
    const b = this.button;
    b.type = 'button';
    b.className = 'deck-follow-live';
    b.setAttribute('aria-live', 'polite');
    b.setAttribute('style', 'position:fixed;top:10px;right:10px;z-index:2147483646;font:600 14px/1 system-ui,sans-serif;padding:8px 14px;border-radius:18px;border:0;cursor:pointer;box-shadow:0 1px 4px rgba(0,0,0,.25)');
    b.addEventListener('click', onRejoin);
    // reveal.js reads Space on the document as "next": on this button it means "press".
    b.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') e.stopPropagation();
    });
    document.body.appendChild(b);
  }

  destroy(): void {
    this.button.remove();
  }

  show(state: FollowState, liveSlide: string): void {
    const b = this.button;
    b.dataset.state = state;
    b.hidden = this.quiet && state !== 'browsing';
    document.documentElement.dataset.deckFollow = state;
    if (state === 'browsing') {
      b.textContent = `Back to live ▸ slide ${liveSlide}`;
      b.title = 'Jump to the slide the speaker is on and follow again';
      b.style.background = '#c62828';
      b.style.color = '#fff';
      b.style.opacity = '1';
    } else {
      b.textContent = state === 'live' ? '● Live' : 'Reconnecting…';
      b.title = state === 'live' ? 'Following the speaker; browse freely, then come back with one click' : 'The connection to the speaker is down';
      // Quiet, but readable: AA contrast on any slide behind it.
      b.style.background = 'rgba(255,255,255,.92)';
      b.style.color = state === 'live' ? '#b71c1c' : '#444';
      b.style.opacity = '1';
    }
  }
}

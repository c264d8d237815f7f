type RevealApi = import('reveal.js').Api;

/**
 * The deck shown inside the speaker view and the remote: the audience page itself, in a frame,
 * as a "receiver" (reveal.js's name for its own speaker view frames: media muted, no follow
 * plugin) without transitions, progress bar or URL updates.
 */
export function frameUrl(deckUrl: string, options: Record<string, string | number | boolean> = {}): string {
  const params = { progress: false, history: false, hash: false, transition: 'none', backgroundTransition: 'none', autoSlide: 0, scrollActivationWidth: false, ...options };
  return `${deckUrl}?receiver&${Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}`;
}

/** Loads the frame and resolves with its reveal.js once Deckhand marks the deck ready. */
export function loadDeckFrame(frame: HTMLIFrameElement, url: string): Promise<RevealApi> {
  return new Promise((resolve) => {
    frame.addEventListener('load', function onLoad() {
      frame.removeEventListener('load', onLoad);
      const win = frame.contentWindow as (Window & { Reveal?: RevealApi }) | null;
      const doc = frame.contentDocument;
      if (!win || !doc) return;
      const done = () => resolve(win.Reveal!);
      if (doc.documentElement.hasAttribute('data-deck-ready')) done();
      else doc.addEventListener('deckhand:ready', done, { once: true });
    });
    frame.src = url;
  });
}

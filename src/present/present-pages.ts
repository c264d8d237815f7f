import { assembleDeckPage, type PageLinks } from '../assemble/deck-page';
import { RUNTIME_DIR, type CompiledDeck } from '../compile-deck';
import { escapeAttr, escapeHtml } from '../render/escape';
import type { PresentPageConfig } from '../protocol/present-page-config';

export type { PresentPageConfig } from '../protocol/present-page-config';

/** The three pages of a talk: the deck for the room, the speaker view and the phone remote. */


/**
 * The deck page with the follow plugin before the runtime. Followers on phones keep reveal.js's
 * paged view (unless the author chose otherwise): its scroll view cannot follow a fragment step.
 * `version` names each runtime file's content: the page links to `file?v=version`, which a phone
 * keeps for good, so a room reconnecting (or reloading for a new deck) fetches only the page.
 */
export function assembleAudiencePage(compiled: CompiledDeck, version: (runtimeFile: string) => string | undefined, drawn: number): string {
  const authored = (compiled.deck.frontMatter.revealOptions ?? {}) as Record<string, unknown>;
  const reveal = { ...compiled.page.reveal, ...('scrollActivationWidth' in authored ? {} : { scrollActivationWidth: null }) };
  return withDrawnCount(assembleDeckPage({ ...compiled.page, reveal, runtimeScripts: ['follow.js'], links: audienceLinks(compiled.page.runtime, version) }), drawn);
}

/** The audience page's URLs: the runtime by version (cached for good), files beside the page. */
function audienceLinks(runtime: string, version: (runtimeFile: string) => string | undefined): PageLinks {
  return {
    url: (r) => {
      if (r.kind === 'asset') return r.file;
      const v = version(r.file);
      return runtime + r.file + (v ? `?v=${v}` : '');
    },
  };
}

/** Tells a deck page (the room's, or the views' frame) how many drawing updates it was served with. */
export function withDrawnCount(page: string, drawn: number): string {
  return page.replace('</head>', `<meta name="deck-present-drawn" content="${drawn}">\n</head>`);
}

/** Shown by a speaker view or remote opened without the token. */
const REFUSED = `<p class="deck-present-refused" id="deck-present-refused" hidden>This link has no valid presenter token, so this page follows the talk but cannot drive it. Open the speaker or remote link printed in the terminal where <code>deckhand present</code> runs.</p>`;

/** The notes' heading with their text size: smaller, the size, larger (also the - and + keys). */
const NOTES_HEAD = `<div class="deck-present-notes-head"><h2 class="deck-present-label" id="deck-present-notes-label">Notes</h2>
<div class="deck-present-notes-sizer" role="group" aria-label="Notes text size">
<button type="button" id="deck-present-notes-smaller" class="deck-present-small" aria-label="A− (smaller notes text)" title="Smaller notes text (−)">A−</button>
<span id="deck-present-notes-size" class="deck-present-notes-size" aria-live="polite">100 %</span>
<button type="button" id="deck-present-notes-larger" class="deck-present-small" aria-label="A+ (larger notes text)" title="Larger notes text (+)">A+</button>
</div></div>`;

export function assembleSpeakerPage(config: PresentPageConfig): string {
  return shell(config, 'speaker', `Speaker view: ${config.title}`, `
<header class="deck-speaker-bar">
  <h1 class="deck-speaker-title">${escapeHtml(config.title)}</h1>
  <div class="deck-present-count" id="deck-present-count">–</div>
  <div class="deck-present-time"><span class="deck-present-label">Elapsed</span> <span id="deck-present-elapsed">0:00:00</span>
    <button type="button" id="deck-present-reset" class="deck-present-small" title="Start the timer again from zero">Reset</button></div>
  <div class="deck-present-pacing" id="deck-present-pacing" hidden></div>
  <div class="deck-present-time"><span class="deck-present-label">Clock</span> <span id="deck-present-clock">–</span></div>
  <div class="deck-present-status" id="deck-present-status" role="status">Connecting…</div>
  <button type="button" id="deck-present-remote" class="deck-present-small" hidden>Phone remote</button>
</header>
${REFUSED}
<main class="deck-speaker-main">
  <section class="deck-speaker-current" aria-label="Current slide"><iframe id="deck-present-current" title="Current slide" sandbox="allow-scripts"></iframe></section>
  <section class="deck-speaker-side">
    <div class="deck-speaker-next" aria-label="Next slide"><div class="deck-present-label">Next</div><iframe id="deck-present-next" title="Next slide" tabindex="-1" sandbox="allow-scripts"></iframe><div class="deck-speaker-end" id="deck-present-end" hidden>End of the deck</div></div>
    <div class="deck-present-notes-box">${NOTES_HEAD}<div class="deck-present-notes" id="deck-present-notes"></div></div>
  </section>
</main>
<dialog id="deck-present-remote-dialog" class="deck-present-dialog">
  <p>Scan with your phone to open the remote. Anyone who scans it can drive the talk: keep it off the projector.</p>
  <div id="deck-present-remote-qr"></div>
  <p class="deck-present-link" id="deck-present-remote-link"></p>
  <form method="dialog"><button class="deck-present-small">Close</button></form>
</dialog>`);
}

export function assembleRemotePage(config: PresentPageConfig): string {
  return shell(config, 'remote', `Remote: ${config.title}`, `
<header class="deck-remote-bar">
  <h1 class="deck-present-hidden">${escapeHtml(`Remote: ${config.title}`)}</h1>
  <div class="deck-present-status" id="deck-present-status" role="status">Connecting…</div>
  <div class="deck-present-count" id="deck-present-count">–</div>
  <div id="deck-present-elapsed">0:00:00</div>
  <div id="deck-present-clock">–</div>
</header>
<main class="deck-remote-main">
${REFUSED}
<div class="deck-present-pacing" id="deck-present-pacing" hidden></div>
<div class="deck-remote-preview"><iframe id="deck-present-current" title="Current slide" tabindex="-1" sandbox="allow-scripts"></iframe></div>
${NOTES_HEAD}
<div class="deck-present-notes" id="deck-present-notes"></div>
<nav class="deck-remote-buttons" aria-label="Drive the talk">
  <button type="button" id="deck-present-blackout" class="deck-remote-blackout" aria-pressed="false">Black screen</button>
  <button type="button" id="deck-present-prev"><span aria-hidden="true">‹</span> Prev</button>
  <button type="button" id="deck-present-next-button">Next <span aria-hidden="true">›</span></button>
</nav>
</main>`);
}

function shell(config: PresentPageConfig, view: 'speaker' | 'remote', title: string, body: string): string {
  const runtime = `/${RUNTIME_DIR}/`;
  return `<!doctype html>
<html lang="en" class="deck-present deck-present-${view}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<meta name="referrer" content="no-referrer">
<title>${escapeHtml(title)}</title>
<link rel="stylesheet" href="${escapeAttr(runtime)}present.css">
</head>
<body>${body}
<script type="application/json" id="deck-present-config">${JSON.stringify(config).replace(/</g, '\\u003c')}</script>
<script src="${escapeAttr(runtime)}${view}.js"></script>
</body>
</html>
`;
}

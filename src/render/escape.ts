// HTML escaping for text Deckhand writes into pages. Apart from highlight.ts so that the page
// assemblers and present's pages, which only escape, do not import highlight.js with it.

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttr(s: string): string {
  return escapeHtml(s).replace(/"/g, '&quot;');
}

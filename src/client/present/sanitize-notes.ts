/**
 * Speaker notes arrive from the sandboxed deck frame as HTML, which a deck's script could also
 * forge. Put into this page as they are, an `<img onerror>` would run here, next to the token.
 * So the notes are parsed in an inert document (nothing loads, nothing runs) and rebuilt from
 * new elements: text, and the formatting Markdown notes use. Everything else keeps its text only.
 */

const ELEMENTS = new Set([
  'p', 'br', 'hr', 'em', 'strong', 'b', 'i', 'u', 's', 'del', 'ins', 'mark', 'small', 'sub', 'sup', 'kbd', 'code', 'pre', 'span', 'div',
  'blockquote', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'a',
  'table', 'thead', 'tbody', 'tr', 'th', 'td',
]);
/** Whose content is not text a speaker reads: left out whole. */
const DROPPED = new Set(['script', 'style', 'template', 'iframe', 'object', 'embed', 'svg', 'math', 'noscript', 'title', 'head']);

export function sanitizeNotes(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}`, 'text/html');
  const out = document.createDocumentFragment();
  copyChildren(parsed.body, out);
  return out;
}

function copyChildren(from: Node, to: Node): void {
  for (const node of Array.from(from.childNodes)) {
    if (node.nodeType === Node.TEXT_NODE) {
      to.appendChild(document.createTextNode(node.nodeValue ?? ''));
      continue;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) continue;
    const el = node as Element;
    const name = el.localName;
    if (DROPPED.has(name)) continue;
    if (!ELEMENTS.has(name)) {
      copyChildren(el, to);
      continue;
    }
    const copy = document.createElement(name);
    // Classes keep highlighted code coloured; a link opens outside the view, never as script.
    const cls = el.getAttribute('class');
    if (cls) copy.setAttribute('class', cls);
    const href = el.getAttribute('href');
    if (name === 'a' && href && /^(https?:|mailto:)/i.test(href.trim())) {
      copy.setAttribute('href', href.trim());
      copy.setAttribute('target', '_blank');
      copy.setAttribute('rel', 'noopener noreferrer');
    }
    copyChildren(el, copy);
    to.appendChild(copy);
  }
}

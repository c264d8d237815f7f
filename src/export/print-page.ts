/**
 * Code evaluated inside the page reveal.js laid out for printing (`?print-pdf`). Kept free of
 * imports and module constants: each function is serialised into the page on its own. reveal.js puts each printed page in `.slides` as a
 * `.pdf-page` (fragment steps are copies of it) or, for notes, a `.speaker-notes-pdf`.
 */

/**
 * Finishes reveal.js's print pages and returns how many there are.
 * - Slides are printed at margin 0 (a page is the slide's size), then scaled down by the deck's
 *   margin around the page's centre: the page keeps the border the live view has, and text
 *   wraps exactly as it does there, since a transform changes no layout.
 * - reveal.js puts a slide's notes page right after its first fragment step; a handout wants
 *   it after the last, under the slide's heading.
 */
export function preparePrintPagesInPage(args: { css: string; scale: number; pageHeight: number }): number {
  const style = document.createElement('style');
  style.textContent = args.css;
  document.head.appendChild(style);
  if (args.scale < 1) {
    for (const section of Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page > section'))) {
      const top = parseFloat(section.style.top) || 0;
      section.style.setProperty('transform', `scale(${args.scale})`, 'important');
      section.style.setProperty('transform-origin', `50% ${args.pageHeight / 2 - top}px`, 'important');
    }
  }
  const keyOf = (el: Element | null) => el?.querySelector(':scope > section')?.getAttribute('data-deck-key') ?? null;
  for (const notes of Array.from(document.querySelectorAll('.reveal .slides > .speaker-notes-pdf'))) {
    const page = notes.previousElementSibling;
    const key = keyOf(page);
    let last: Element = notes;
    while (key && last.nextElementSibling?.classList.contains('pdf-page') && keyOf(last.nextElementSibling) === key) last = last.nextElementSibling;
    if (last !== notes) last.after(notes);
    const heading = page?.querySelector(':scope > section :is(h1, h2, h3)')?.textContent?.trim();
    const label = document.createElement('p');
    label.className = 'deck-notes-heading';
    label.textContent = heading ? `Notes · ${heading}` : 'Notes';
    notes.prepend(label);
  }
  return document.querySelectorAll('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf').length;
}

/** Leaves only pages [from, to) in the document, so one print call prints just those. */
export function showPrintPagesInPage(args: { from: number; to: number }): void {
  const pages = Array.from(document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf'));
  pages.forEach((p, i) => {
    p.style.display = i >= args.from && i < args.to ? '' : 'none';
    // The last page shown must not push a blank page after it.
    p.style.breakAfter = i === args.to - 1 ? 'avoid' : '';
  });
}

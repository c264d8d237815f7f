/** A small talk for presenter tests: notes, fragments, a vertical slide, pacing set, no diagrams. */
export const TALK = `---
title: Test talk
revealOptions:
  totalTime: 600
---

# Opening

Note:
Say hello and introduce the talk.

---

## Three points

- One <!-- .element: class="fragment" -->
- Two <!-- .element: class="fragment" -->
- Three <!-- .element: class="fragment" -->

Note:
Reveal the points one by one.

---

## Above

<!-- .slide: data-timing="90" -->

Note:
The slide with a vertical child.

----

## Below

Note:
The vertical child.

---

## Fourth

Note:
Almost done.

---

## Closing

Note:
Thank everyone.
`;

/** A talk of `n` plain slides, for load tests. */
export function plainTalk(n: number): string {
  return Array.from({ length: n }, (_, i) => `## Slide ${i + 1}\n\nText ${i + 1}.\n\nNote:\nNotes ${i + 1}.`).join('\n\n---\n\n') + '\n';
}

/**
 * Chapter 1 of the example deck: front matter, slides and notes, a vertical slide, fragments,
 * code step-through. Every slide shows one feature and the Markdown that makes it.
 * (Backticks are escaped because this is a template literal: \` is one backtick in the file.)
 */
export function basicsChapter(): string {
  return `---
title: How to write slides with Deckhand
theme: deckhand
mermaid:
  sequence:
    mirrorActors: false
---

<!-- .slide: class="deck-section" -->

![Deckhand's logo: a stack of slides with bullet points and a small diagram](images/logo.svg)

# How to write slides with Deckhand

A short tour: each slide shows one feature and the Markdown that makes it.
Edit these files, and this deck becomes your talk.

Note: Speaker notes look like this. Everything after a line that starts with "Note:" is only shown in the speaker view: press S in the deck to open it. This deck is plain Markdown in slides/, one file per chapter. The front matter at the top of the first file sets the title and the theme.

---

## One file, many slides

| write | to get |
| --- | --- |
| \`---\` on its own line | the next slide |
| \`----\` on its own line | a slide below this one |
| \`Note:\` at the start of a line | speaker notes (press **S**) |
| \`# Title\`, \`**bold**\`, lists, tables | what Markdown gives |

There is a slide below this one: press **↓**.

Note: Separators must be alone on their line, with a blank line before them. Inside a code block they are just text, so you can show them on a slide, as the next slide does. Chapter files are read in name order, so 01-basics.md comes before 02-diagrams-and-layout.md, and each file starts a new slide.

----

## A slide below

Vertical slides hold details, backup answers or exercises:
**→** moves on with the talk, **↓** goes deeper.

\`\`\`md
## The main point

----

## A detail, one slide down
\`\`\`

Note: Press the up arrow to go back, or the right arrow to continue with the talk. Press Escape for the overview, which shows horizontal slides as columns and vertical slides below them.

---

## Fragments: one point at a time

- A comment after an item makes it a fragment <!-- .element: class="fragment" -->
- Each fragment appears on the next key press <!-- .element: class="fragment" -->
- reveal.js styles work too: \`fade-up\`, \`highlight-blue\`… <!-- .element: class="fragment fade-up" -->

\`\`\`md
- Appears on the next key press <!-- .element: class="fragment" -->
\`\`\`

Note: The comment adds attributes to the element just before it: here a class on the list item. The same comment works on paragraphs and images. "<!-- .slide: class=... -->" does the same for the whole slide, as on the title slide.

---

## Code, step by step

\`\`\`js [1|2-4|6]
const response = await fetch('talk.json');
const titles = (await response.json())
  .filter((slide) => !slide.hidden)
  .map((slide) => slide.title);

console.log(titles.length, 'slides');
\`\`\`

Write the steps after the language: \`\` \`\`\`js [1|2-4|6] \`\`;
each key press highlights the next group of lines. \`[]\` shows line numbers only.

Note: Code is highlighted when the deck is built, so the page stays light. Keep code blocks short: about 14 lines fit on a slide, and deckhand check warns about a block that would need scrolling.
`;
}

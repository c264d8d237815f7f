/**
 * Chapter 2 of the example deck: a diagram from a file, a Mermaid fence, two columns with an
 * image, and the commands that check, build, export and present the deck.
 * (Backticks are escaped because this is a template literal: \` is one backtick in the file.)
 */
export function layoutChapter(name: string): string {
  return `## Diagrams from a file

![How a talk is made: write Markdown, preview it live, check it, then build a site or export a PDF](../../diagrams/workflow.mmd)

\`![alt text](../../diagrams/workflow.mmd)\` draws a Mermaid file.
Paths are relative to the Markdown file; the alt text names the diagram for screen readers.
Each \`%% step\` line in the file adds one step: press → to build the picture up.

Note: Diagrams are drawn when the deck is built, into SVG inside the page, so the deck works offline. The diagram appears in three steps (the %% step lines in diagrams/workflow.mmd); click it to open it full-screen. Edit diagrams/workflow.mmd while "npm run dev" runs and this slide redraws. A Mermaid syntax error is shown in the page and in the terminal, with its line.

---

## Diagrams in the slide

\`\`\`mermaid
sequenceDiagram
  accTitle: What happens when you save a slide during npm run dev
  You->>Deckhand: save a Markdown file
  Deckhand->>Browser: send only the changed slide
  Browser-->>You: shows it, on the same slide
\`\`\`

A \`\` \`\`\`mermaid \`\` fence draws in place; its \`accTitle:\` line is the alt text.

Note: Any Mermaid diagram works: flowcharts, sequence diagrams, state diagrams, timelines. Use a fence for a small diagram that belongs to one slide, and a .mmd file for one you reuse or that is long.

---

## Two columns and images

<div class="deck-cols">
<div>

\`\`\`html
<div class="deck-cols">
<div>

Left: **Markdown** as usual

</div>
<div>

![Alt text](images/logo.svg)

</div>
</div>
\`\`\`

</div>
<div>

![Deckhand's logo again, in the right-hand column](images/logo.svg)

Leave a blank line after each \`<div>\`, so the Markdown inside is read as Markdown.
Image paths are relative to the Markdown file, too.

</div>
</div>

Note: Every image needs alt text, the words in the square brackets: it is what a screen reader says, and deckhand check warns when it is missing. Images are copied into the built deck, so a missing file is an error at its line, not a broken picture on the day.

---

## Front matter and themes

\`\`\`yaml
---
title: How to write slides with Deckhand
theme: deckhand      # or white, black, league… or themes/<name>.css
revealOptions:       # passed to reveal.js
  transition: fade
mermaid:             # passed to Mermaid, for every diagram
  sequence:
    mirrorActors: false
---
\`\`\`

At the top of the first file. A misspelt key is a warning with a suggestion.

Note: The theme is a reveal.js theme name, Deckhand's own theme "deckhand", or the name of a CSS file you put in a themes folder next to slides. The default theme also has slide classes: deck-section for chapter titles, deck-try for exercises and deck-recap for summaries, set with a slide comment. This deck's own front matter sets the mermaid option shown here: it draws sequence diagrams without repeating the names at the bottom.

---

<!-- .slide: class="deck-recap" -->

## Check, build, export, present

| run | to get |
| --- | --- |
| \`npm run dev\` | a live preview that follows your edits |
| \`npm run check\` | overflowing slides, broken links, missing alt text |
| \`npm run build\` | a static site in \`dist/\` that works offline |
| \`npm run export\` | \`${name}.pdf\`, one page per slide |
| \`npm run present\` | speaker view, phone remote, audience follows |

Now delete these slides and write your own.

Note: Run npm run check before every talk: it opens each slide in a headless browser and reports anything that does not fit. npm run export:html makes one self-contained HTML file instead of the PDF. npm run present serves the deck for a talk: your laptop shows notes and a timer, your phone can change slides, and everyone in the room can follow on their own device.
`;
}

/** The diagram file the second chapter draws with image syntax. */
export const WORKFLOW_DIAGRAM = `flowchart LR
  write[Write Markdown] --> dev[Preview it live]
  %% step
  dev --> check[Check it]
  %% step
  check --> build[Build a site]
  check --> pdf[Export a PDF]
`;

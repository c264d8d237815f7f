import { escapeAttr, escapeHtml } from '../render/escape';

export interface DeckListing {
  name: string;
  title: string;
  slides: number;
}

/** `dist/index.html`: every deck built, with its title, slide count and link. */
export function assembleIndexPage(decks: DeckListing[], styleHref: string): string {
  const rows = decks
    .map(
      (d) =>
        `<li><a href="${escapeAttr(d.name)}/index.html">${escapeHtml(d.title)}</a> <span class="deck-count">${d.slides} slide${d.slides === 1 ? '' : 's'}</span></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Decks</title>
<link rel="stylesheet" href="${escapeAttr(styleHref)}">
<style>
body{margin:0;background:var(--r-background-color,#fff);color:var(--r-main-color,#222);font-family:var(--r-main-font,sans-serif);font-size:22px}
main{max-width:760px;margin:64px auto;padding:0 24px}
h1{color:var(--r-heading-color,#111);font-size:2em;margin:0 0 24px}
ul{list-style:none;padding:0}li{padding:14px 0;border-bottom:1px solid #ddd;display:flex;justify-content:space-between;gap:16px}
a{color:var(--r-link-color,#06c);font-weight:600}.deck-count{color:#555}
</style>
</head>
<body>
<main>
<h1>Decks</h1>
<ul>
${rows}
</ul>
</main>
</body>
</html>
`;
}

/** What the build writes into each page for the browser code (the JSON in #deck-config). */
export interface PageConfig {
  reveal: Record<string, unknown>;
  /** URL of the shared runtime folder, relative to the page. */
  runtime: string;
  mermaid: Record<string, unknown>;
}

export function readPageConfig(): PageConfig {
  const el = document.getElementById('deck-config');
  const parsed = el ? (JSON.parse(el.textContent || '{}') as Partial<PageConfig>) : {};
  return { reveal: parsed.reveal ?? {}, runtime: parsed.runtime ?? '_deckhand/', mermaid: parsed.mermaid ?? {} };
}

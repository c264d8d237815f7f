/**
 * A deck for serve-first tests: a chain drawn first, then a small diagram alone on slide 2 (the
 * test holds Chromium back while it looks at the placeholders: see `heldChromium`).
 */
const slow = ['```mermaid', 'flowchart TB', ...Array.from({ length: 8 }, (_, i) => `  n${i}[step ${i}] --> n${i + 1}[step ${i + 1}]`), '```'].join('\n');

export const COLD_DECK = `---
title: Serve first
---
## Many steps

${slow}

---

## The engine

\`\`\`mermaid
flowchart LR
  cli[docker CLI] -->|REST| daemon[dockerd]
  daemon --> containerd
\`\`\`
`;

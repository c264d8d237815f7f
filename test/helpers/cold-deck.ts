/**
 * A deck for serve-first tests: a long chain mermaid takes a while to lay out, drawn first, then
 * a small diagram alone on slide 2 that stays a placeholder long enough to be looked at.
 */
const slow = ['```mermaid', 'flowchart TB', ...Array.from({ length: 160 }, (_, i) => `  n${i}[step ${i}] --> n${i + 1}[step ${i + 1}]`), '```'].join('\n');

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

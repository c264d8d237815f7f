import path from 'node:path';
import type { DrawProgress } from '../options';

/** Where the progress line goes: the terminal's stream. Only a TTY gets it: logs and pipes stay quiet. */
export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/**
 * `deckhand: drawing diagrams 3/10 diagrams/engine.mmd`, redrawn in place while a cold cache is
 * filled, and cleared when the last one is drawn, so the next log line starts clean.
 */
export function diagramProgress(stream: ProgressStream, root: string): ((p: DrawProgress) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return ({ done, total, file }) => {
    if (done >= total) {
      stream.write('\r\x1b[K');
      return;
    }
    const line = `deckhand: drawing diagrams ${done}/${total} ${path.relative(root, file) || file}`;
    stream.write(`\r${line.slice(0, Math.max(20, (stream.columns || 80) - 1))}\x1b[K`);
  };
}

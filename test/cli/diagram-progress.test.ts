import { describe, expect, it } from 'vitest';
import { diagramProgress } from '../../src/cli/diagram-progress';

function stream(isTTY: boolean) {
  const written: string[] = [];
  return { written, isTTY, columns: 80, write: (s: string) => written.push(s) };
}

describe('the progress line for diagrams being drawn', () => {
  it('shows the count and the current file on a terminal, redrawn in place, and clears itself at the end', () => {
    const tty = stream(true);
    const onDrawn = diagramProgress(tty, '/p')!;
    onDrawn({ done: 1, total: 3, file: '/p/diagrams/engine.mmd' });
    onDrawn({ done: 2, total: 3, file: '/p/slides/deck/02.md' });
    onDrawn({ done: 3, total: 3, file: '/p/diagrams/net.mmd' });
    expect(tty.written).toEqual(['\rdeckhand: drawing diagrams 1/3 diagrams/engine.mmd\x1b[K', '\rdeckhand: drawing diagrams 2/3 slides/deck/02.md\x1b[K', '\r\x1b[K']);
  });

  it('says nothing when the output is not a terminal', () => {
    expect(diagramProgress(stream(false), '/p')).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { paint, stderrLines } from '../../src/cli/terminal';

function sink(isTTY: boolean) {
  const out: string[] = [];
  return { out, stream: { isTTY, write: (s: string) => out.push(s) } as unknown as NodeJS.WriteStream };
}

describe('terminal output', () => {
  it('colours error: and warning: on a terminal', () => {
    const red = paint('slides/a.md:3:1: error: image not found [missing-image]');
    expect(red.startsWith('slides/a.md:3:1: \u001b[1m\u001b[31merror\u001b[39m\u001b[22m: image')).toBe(true);
    expect(paint('slides/a.md:3:1: warning: x [y]')).toContain('\u001b[33mwarning');
    expect(paint('deckhand: built 1 deck in 50 ms')).toBe('deckhand: built 1 deck in 50 ms');
  });

  it('prints plain text when piped, or with NO_COLOR', () => {
    const line = 'slides/a.md:3:1: error: image not found [missing-image]';
    for (const [tty, env] of [[false, {}], [true, { NO_COLOR: '1' }], [true, { TERM: 'dumb' }]] as const) {
      const s = sink(tty);
      stderrLines(s.stream, env)(line);
      expect(s.out).toEqual([line + '\n']);
    }
    const s = sink(true);
    stderrLines(s.stream, {})(line);
    expect(s.out[0]).toContain('\u001b[');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFailure } from '../../src/cli/failure';
import { DeckhandError } from '../../src/diagnostics';
import { EnvironmentError, environmentError } from '../../src/environment-error';

/** What Node throws: a message, an errno code, the system call and the path. */
function errno(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: failed, ${syscall} '${file}'`), { code, syscall, path: file, errno: -1 });
}

function report(e: unknown): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = reportFailure(e, (l) => lines.push(l));
  return { code, lines };
}

describe('environmentError', () => {
  it('turns each errno failure into a typed error with the path, a reason and a hint', () => {
    const cases: Array<[string, RegExp]> = [
      ['ENOENT', /does not exist/],
      ['EACCES', /permission denied.*chmod/],
      ['EPERM', /not permitted/],
      ['ELOOP', /symbolic link/],
      ['ENOSPC', /no space left.*free some disk space/],
      ['EROFS', /read-only.*--out/],
      ['EISDIR', /folder where a file was expected/],
      ['ENOTDIR', /file where a folder was expected/],
      ['EMFILE', /too many open files.*ulimit/],
    ];
    for (const [code, text] of cases) {
      const e = environmentError(errno(code, 'open', '/srv/talk/slides/a.md'), 'read the deck file');
      expect(e, code).toBeInstanceOf(EnvironmentError);
      expect(e).toBeInstanceOf(DeckhandError);
      expect(e).toMatchObject({ code, path: '/srv/talk/slides/a.md', exitCode: 2 });
      expect(e!.message, code).toMatch(new RegExp(`^cannot read the deck file /srv/talk/slides/a\\.md: .*\\(${code}\\); `));
      expect(e!.message, code).toMatch(text);
      expect(e!.message).not.toContain('\n');
    }
  });

  it('names the action from the system call when the caller does not, and takes a path the error lacks', () => {
    expect(environmentError(errno('EACCES', 'scandir', '/srv/x'))!.message).toMatch(/^cannot list the folder \/srv\/x: permission denied/);
    const noPath = Object.assign(new Error('EISDIR'), { code: 'EISDIR', syscall: 'read' });
    expect(environmentError(noPath, 'read the deck file', '/srv/x.md')!.message).toMatch(/^cannot read the deck file \/srv\/x\.md: /);
  });

  it('shows paths under the current folder relative to it', () => {
    const file = path.join(process.cwd(), 'slides', 'a.md');
    expect(environmentError(errno('ENOENT', 'open', file), 'read')!.message).toMatch(/^cannot read slides\/a\.md: /);
  });

  it('leaves anything else alone: bugs keep their stack', () => {
    expect(environmentError(new TypeError('x is undefined'))).toBeUndefined();
    expect(environmentError(errno('ECONNRESET', 'read', '/x'))).toBeUndefined();
    expect(environmentError('a string')).toBeUndefined();
  });
});

describe('reportFailure', () => {
  it('prints an environment failure as one line and exits 2', () => {
    for (const code of ['EACCES', 'EPERM', 'ENOSPC', 'EROFS', 'EMFILE', 'ENOTDIR']) {
      const r = report(errno(code, 'open', '/srv/talk/dist/index.html'));
      expect(r.code, code).toBe(2);
      expect(r.lines, code).toHaveLength(1);
      expect(r.lines[0]).toMatch(new RegExp(`^deckhand: cannot open /srv/talk/dist/index\\.html: .*\\(${code}\\); `));
      expect(r.lines[0]).not.toMatch(/internal error|\n/);
    }
  });

  it('prints a real fs failure the same way: a missing file read by any stage', () => {
    const missing = path.join(os.tmpdir(), `deckhand-no-such-${process.pid}.md`);
    let thrown: unknown;
    try {
      fs.readFileSync(missing);
    } catch (e) {
      thrown = e;
    }
    expect(report(thrown)).toEqual({ code: 2, lines: [`deckhand: cannot open ${missing}: it does not exist (ENOENT); check the path; if it was moved or deleted while Deckhand ran, run again`] });
  });

  it('keeps its other behaviour: deck errors, busy ports, internal errors', () => {
    const deck = report(new DeckhandError('build failed with 1 error', [{ code: 'x', severity: 'error', message: 'bad', file: '/a.md', line: 2, column: 3 }]));
    expect(deck).toEqual({ code: 1, lines: ['/a.md:2:3: error: bad [x]', 'deckhand: build failed with 1 error'] });
    const lines: string[] = [];
    expect(reportFailure(Object.assign(new Error('busy'), { code: 'EADDRINUSE' }), (l) => lines.push(l), { port: 3030 })).toBe(2);
    expect(lines).toEqual(['deckhand: port 3030 is in use; pick another with --port']);
    const bug = report(new TypeError('x is undefined'));
    expect(bug.code).toBe(2);
    expect(bug.lines[0]).toMatch(/^deckhand: internal error: TypeError: x is undefined\n\s+at /);
  });
});

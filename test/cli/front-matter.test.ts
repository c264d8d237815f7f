import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckhand, failingBuild } from '../helpers/cli-build';
import { makeProject } from '../helpers/fixtures';

describe('deckhand build on front matter mistakes', () => {
  it('builds with a warning at the line of an unknown key or reveal.js option, with a suggestion', () => {
    const root = makeProject({ 'slides/talk.md': '---\nthem: black\nrevealOptions:\n  transitoin: fade\n  chalkboard: {theme: whiteboard}\n---\n# A\n' });
    const r = deckhand(root, 'build', '--no-chromium');
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^slides\/talk\.md:2:1: warning: unknown front matter key "them" \(ignored\); did you mean "theme"\?/m);
    expect(r.stderr).toMatch(/^slides\/talk\.md:4:3: warning: unknown reveal\.js option "transitoin" .*did you mean "transition"\?/m);
    expect(r.stderr).not.toMatch(/warning: .*chalkboard/);
    expect(fs.existsSync(path.join(root, 'dist/talk/index.html'))).toBe(true);
  });

  it('fails at the line of a reveal.js option reveal.js would choke on, leaving dist/ and sources alone', () => {
    const root = makeProject({ 'slides/talk.md': '---\ntitle: T\n---\n# A\n' });
    expect(deckhand(root, 'build', '--no-chromium').status).toBe(0);
    fs.writeFileSync(path.join(root, 'slides/talk.md'), '---\ntitle: T\nrevealOptions:\n  width: wide\n  controls: "yes"\n  transition: 7\n---\n# A\n');
    const r = failingBuild(root);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('slides/talk.md:4:10: error: reveal.js option "width" must be a number or a percentage such as "100%", not "wide"');
    expect(r.stderr).toContain('slides/talk.md:5:13: error: reveal.js option "controls" must be true or false or "speaker-only", not "yes"');
    expect(r.stderr).toContain('slides/talk.md:6:15: error: reveal.js option "transition" must be one of "none", "fade", "slide", "convex", "concave", "zoom", not 7');
    expect(r.stderr).toContain('deckhand: build failed with 3 errors; dist left unchanged');
  });
});

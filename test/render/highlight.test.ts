import { describe, expect, it } from 'vitest';
import { highlightToHtml, parseFenceInfo, splitHighlightedLines } from '../../src/render/highlight';

describe('parseFenceInfo', () => {
  it('reads reveal.js line-number syntax', () => {
    expect(parseFenceInfo('js [1|2-3,5]')).toEqual({ lang: 'js', steps: [[[1, 1]], [[2, 3], [5, 5]]], startFrom: undefined });
    expect(parseFenceInfo('py [10: 11]')).toMatchObject({ lang: 'py', startFrom: 10, steps: [[[11, 11]]] });
    expect(parseFenceInfo('bash')).toEqual({ lang: 'bash' });
    expect(parseFenceInfo('js []').steps).toEqual([[]]);
    // reveal.js's `0`: a step with nothing highlighted.
    expect(parseFenceInfo('js [0|2]').steps).toEqual([[], [[2, 2]]]);
  });
});

describe('splitHighlightedLines', () => {
  it('closes and reopens spans that cross line ends', () => {
    expect(splitHighlightedLines('<span class="c">/* a\nb */</span>x')).toEqual(['<span class="c">/* a</span>', '<span class="c">b */</span>x']);
  });
});

describe('highlightToHtml without a language', () => {
  it('guesses the language of code, as reveal.js does in the browser', () => {
    const py = highlightToHtml('def greet(name):\n    import os\n    return f"hi {name}"\n\nclass A:\n    pass\n', '');
    expect(py.language).toBe('python');
    expect(py.html).toContain('hljs-keyword');
    const json = highlightToHtml('{\n  "name": "deck",\n  "version": "1.0.0",\n  "private": true\n}', '');
    expect(json.language).toBe('json');
  });

  it('leaves prose plain', () => {
    const prose = highlightToHtml('This is just a sentence about our talk.\nAnd another one, with nothing to colour.', '');
    expect(prose).toEqual({ html: 'This is just a sentence about our talk.\nAnd another one, with nothing to colour.', language: 'plaintext' });
  });
});

describe('shell commands', () => {
  it('colours the rm command, never the rm of an option such as --rm', () => {
    const { html } = highlightToHtml('docker run --rm -it --name web alpine; rm -rf /tmp/x; docker-compose ls --all', 'bash');
    expect(html).toContain('docker run --rm -it --name web alpine');
    expect(html).toContain('<span class="hljs-built_in">rm</span> -rf');
    // A hyphen inside a word starts no option.
    expect(html).toContain('docker-compose ');
    expect(html).toMatch(/ --all$/);
  });
});

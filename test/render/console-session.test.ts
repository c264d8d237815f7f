import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { highlightToHtml, renderCodeBlock } from '../../src/render/highlight';

/** The highlighted block as a DOM: output spans, prompts, and what is coloured. */
function session(code: string, lang = 'console') {
  const { html, language } = highlightToHtml(code, lang);
  const { document } = parseHTML(`<pre><code>${html}</code></pre>`);
  const root = document.querySelector('code')!;
  return {
    language,
    text: root.textContent,
    output: [...root.querySelectorAll('.deck-output')].map((e) => e.textContent).join('\n'),
    prompts: [...root.querySelectorAll('.prompt_')].map((e) => e.textContent),
    /** Text that highlight.js coloured as something (keyword, string, variable…). */
    coloured: [...root.querySelectorAll('span[class^="hljs-"]:not(.prompt_)')].map((e) => e.textContent),
    keywords: [...root.querySelectorAll('.hljs-keyword, .hljs-built_in')].map((e) => e.textContent),
  };
}

describe('console transcripts', () => {
  it('highlights the command after the prompt and leaves output uncoloured, in a span to dim', () => {
    const s = session('$ docker run --rm alpine echo hi\nhi\nif then for do done in export\n$ echo "$HOME"\n/root');
    expect(s.language).toBe('console');
    expect(s.text).toBe('$ docker run --rm alpine echo hi\nhi\nif then for do done in export\n$ echo "$HOME"\n/root');
    expect(s.prompts).toEqual(['$ ', '$ ']);
    expect(s.output).toBe('hi\nif then for do done in export\n/root');
    // Shell keywords in the output stay plain; the command's own tokens are coloured.
    expect(s.keywords).not.toContain('if');
    expect(s.keywords).toContain('echo');
    expect(s.coloured).toContain('"$HOME"');
  });

  it('knows the prompts of users, hosts, containers, PowerShell and Python', () => {
    const s = session(
      [
        'user@host:~$ ls -l',
        'root@3f4a2b:/# cat /etc/os-release',
        '/ # cat /etc/alpine-release',
        '[me@box src]$ make',
        '(venv) $ pip list',
        'me@mac ~ % echo zsh',
        '# whoami',
        'PS C:\\Users\\me> Get-Process',
        'PS> Get-Date',
        '>>> for x in range(2):',
        '...     print(x)',
        '0',
      ].join('\n'),
    );
    expect(s.prompts).toEqual(['user@host:~$ ', 'root@3f4a2b:/# ', '/ # ', '[me@box src]$ ', '(venv) $ ', 'me@mac ~ % ', '# ', 'PS C:\\Users\\me> ', 'PS> ', '>>> ', '... ']);
    expect(s.output).toBe('0');
    // Python is highlighted as Python: `for … in` and `print` are its words.
    expect(s.keywords).toEqual(expect.arrayContaining(['for', 'in', 'print']));
  });

  it('never reads output as a prompt: progress, build steps, variables, prices', () => {
    const out = ['100% done', '#1 [internal] load build definition', '$HOME is not expanded', '  % Total    % Received', 'Digest: sha256:ec15…', 'PING google.com (142.250.185.78): 56 data bytes'];
    const s = session(['$ true', ...out].join('\n'));
    expect(s.prompts).toEqual(['$ ']);
    expect(s.output).toBe(out.join('\n'));
  });

  it('keeps continuation lines (trailing backslash, PS2 prompts, heredocs) as input', () => {
    const s = session(
      [
        '$ curl -s --unix-socket /var/run/docker.sock \\',
        '    http://localhost/containers/json | jq ".[].Names"',
        '[',
        '  "/web"',
        ']',
        '$ cat <<EOF > Dockerfile',
        '> FROM alpine',
        '> RUN echo hi',
        '> EOF',
        '$ cat <<-END',
        'if this were output it would be dimmed',
        'END',
        'done',
      ].join('\n'),
    );
    expect(s.prompts).toEqual(['$ ', '$ ', '> ', '> ', '> ', '$ ']);
    expect(s.output).toBe('[\n  "/web"\n]\ndone');
    expect(s.coloured).toContain('".[].Names"');
  });

  it('an empty prompt does not swallow the next line', () => {
    const s = session('$\nif output\n$ ');
    expect(s.prompts).toEqual(['$', '$ ']);
    expect(s.output).toBe('if output');
  });

  it('is the language of `shell-session` and `shell` fences; a block without prompts is a script', () => {
    expect(session('$ ls\nfile', 'shell-session').output).toBe('file');
    expect(session('$ ls\nfile', 'shell').output).toBe('file');
    const script = session('for f in *.md; do\n  echo "$f"\ndone', 'shell');
    expect(script.output).toBe('');
    expect(script.keywords).toEqual(expect.arrayContaining(['for', 'do', 'done']));
  });

  it('is guessed for a fence without a language when a line starts with a shell prompt', () => {
    expect(session('$ docker ps\nCONTAINER ID   IMAGE', '').language).toBe('console');
    // `# ` alone could be a Markdown heading shown in a plain fence.
    expect(session('# Title\n\nSome text.', '').language).not.toBe('console');
    expect(session('% a TeX comment\n\\section{Intro}', '').language).not.toBe('console');
  });

  it('splits into numbered lines with every span closed on its line', () => {
    const html = renderCodeBlock('$ echo a \\\n  b\nout one\nout two', { lang: 'console', steps: [[[1, 2]]] });
    const { document } = parseHTML(html);
    const rows = [...document.querySelectorAll('td.hljs-ln-code')];
    expect(rows.map((r) => r.textContent)).toEqual(['$ echo a \\', '  b', 'out one', 'out two']);
    expect(rows[3].querySelector('.deck-output')?.textContent).toBe('out two');
  });
});

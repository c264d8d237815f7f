/**
 * Terminal transcripts (`console`, `shell-session`, `shell` fences): the command after each
 * prompt is highlighted in its own language and every other line is program output, left
 * uncoloured in a `deck-output` span the theme dims. highlight.js's own `shell` grammar finds
 * prompts with one regular expression and no memory of the previous line, so it misses
 * `user@host:~$ ` and heredocs, reads `100%` or an empty `$ ` as prompts, and runs an empty
 * command into the next line; line classification needs context, so it is done here.
 */

type Kind = 'shell' | 'powershell' | 'python';

/**
 * Shell prompts: `$ `, `# `, `% `, optionally after `(venv) `, `[user@host dir]`, `user@host:path`,
 * `user@host path` (zsh) or a bare path (`/ # `, busybox's). A prompt is followed by a space or
 * the line's end, so `$HOME`, `#1 [internal]` and `100%` stay output.
 */
const SHELL_PROMPT = /^(?:\([\w.-]+\) )?(?:\[[^\]\n]{1,80}\] ?|[\w.-]+@[\w.-]+(?::[^\s$#%]*| [~/][^\s$#%]*)? ?|[~/][^\s$#%]* )?[$#%](?: |$)/;
const POWERSHELL_PROMPT = /^PS(?: [^>\n]*)?> ?/;
const PYTHON_PROMPT = /^>>>(?: |$)/;
/** Continuation prompts, only right after an input line: the shell's PS2 and Python's `...`. */
const CONTINUATION: Record<Kind, RegExp> = { shell: /^>(?: |$)/, powershell: /^>>(?: |$)/, python: /^\.\.\.(?: |$)/ };
const GRAMMAR: Record<Kind, string> = { shell: 'bash', powershell: 'powershell', python: 'python' };

interface InputLine {
  prompt: string;
  text: string;
}

interface Hooks {
  /** Highlights code in a registered language, returning HTML. */
  highlight: (code: string, language: string) => string;
  /** Splits highlighted HTML into lines, each with its spans closed. */
  splitLines: (html: string) => string[];
  escape: (text: string) => string;
}

function promptOf(line: string): { kind: Kind; prompt: string } | undefined {
  for (const [kind, re] of [['shell', SHELL_PROMPT], ['powershell', POWERSHELL_PROMPT], ['python', PYTHON_PROMPT]] as const) {
    const m = re.exec(line);
    if (m) return { kind, prompt: m[0] };
  }
  return undefined;
}

/**
 * Whether text reads as a terminal transcript: some line starts with an unambiguous prompt. A
 * bare `# ` or `% ` could be a Markdown heading or a TeX comment shown in a plain fence.
 */
export function looksLikeTranscript(code: string): boolean {
  return code.split('\n').some((line) => {
    const p = promptOf(line);
    return p !== undefined && !/^[#%]$/.test(p.prompt.trim());
  });
}

/**
 * Whether a shell command goes on after this line: a trailing backslash, or a heredoc opened
 * (`<<EOF`, `<<-'EOF'`, not a here-string `<<<`) and not yet closed by its word.
 */
function shellGoesOn(line: string, heredoc: { word?: string }): boolean {
  if (heredoc.word !== undefined) {
    if (line.replace(/^\t+/, '') === heredoc.word) heredoc.word = undefined;
    return heredoc.word !== undefined;
  }
  heredoc.word = /(?<!<)<<-?\s*(['"]?)([\w.-]+)\1/.exec(line)?.[2];
  return heredoc.word !== undefined || /\\$/.test(line);
}

/** Highlights a transcript; a block without any prompt is a script, highlighted as shell. */
export function highlightConsole(code: string, hooks: Hooks): string {
  const lines = code.split('\n');
  if (!lines.some((l) => promptOf(l))) return hooks.highlight(code, 'bash');
  const out: string[] = [];
  let output: string[] = [];
  const flushOutput = () => {
    if (output.length) out.push(`<span class="deck-output">${hooks.escape(output.join('\n'))}</span>`);
    output = [];
  };
  let i = 0;
  while (i < lines.length) {
    const first = promptOf(lines[i]);
    if (!first) {
      output.push(lines[i++]);
      continue;
    }
    flushOutput();
    const input: InputLine[] = [{ prompt: first.prompt, text: lines[i].slice(first.prompt.length) }];
    const heredoc: { word?: string } = {};
    let goesOn = first.kind === 'shell' && shellGoesOn(input[0].text, heredoc);
    for (i++; i < lines.length; i++) {
      // A continuation prompt (`> `) may start a line the command goes on to, or a heredoc's.
      const cont = CONTINUATION[first.kind].exec(lines[i]);
      if (!goesOn && !cont) break;
      const prompt = cont?.[0] ?? '';
      input.push({ prompt, text: lines[i].slice(prompt.length) });
      goesOn = first.kind === 'shell' && shellGoesOn(input[input.length - 1].text, heredoc);
    }
    const highlighted = hooks.splitLines(hooks.highlight(input.map((l) => l.text).join('\n'), GRAMMAR[first.kind]));
    const rendered = input.map((l, j) => (l.prompt ? `<span class="hljs-meta prompt_">${hooks.escape(l.prompt)}</span>` : '') + (highlighted[j] ?? ''));
    out.push(rendered.join('\n'));
  }
  flushOutput();
  // Each group holds whole lines: joined by the line breaks between them.
  return out.join('\n');
}

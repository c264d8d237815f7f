import { styleText } from 'node:util';

/**
 * The CLI's one way to print a line to stderr. On a terminal, `error:` and `warning:` are
 * coloured (red, yellow) so they stand out in a long build log; when the output is piped or
 * saved, or NO_COLOR is set (no-color.org), the text is exactly what was formatted.
 */
export function stderrLines(stream: NodeJS.WriteStream = process.stderr, env: Record<string, string | undefined> = process.env): (line: string) => void {
  const color = stream.isTTY === true && !env.NO_COLOR && env.TERM !== 'dumb';
  return (line) => {
    stream.write((color ? paint(line) : line) + '\n');
  };
}

/** Colours the severity of a diagnostic line (`file:1:2: error: …`) or a `deckhand: error …` summary. */
export function paint(text: string): string {
  return text.replace(/^((?:[^\n]*?: )?)(error|warning)(:)/, (_all, before: string, severity: string, colon: string) => `${before}${styleText(severity === 'error' ? ['bold', 'red'] : ['bold', 'yellow'], severity)}${colon}`);
}

/** What a progress bar writes to: a terminal stream (only a TTY gets the redrawn bar). */
export interface ProgressStream {
  write(s: string): unknown;
  isTTY?: boolean;
  columns?: number;
}

/** `label [██████░░░░░░] 120/200 pages` — one line, as wide as `width` allows. */
export function renderProgressBar(label: string, done: number, total: number, width = 80, unit = 'pages'): string {
  const count = `${done}/${total} ${unit}`;
  const barWidth = Math.max(10, Math.min(40, width - label.length - count.length - 5));
  const filled = total > 0 ? Math.round((Math.min(done, total) / total) * barWidth) : barWidth;
  return `${label} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${count}`;
}

/**
 * A bar redrawn in place on a terminal. Elsewhere (CI logs, pipes) it stays quiet until the
 * end, then writes one line: a log should not fill with redraws.
 */
export function createProgressBar(stream: ProgressStream, label: string, unit = 'pages') {
  let last = '';
  return {
    update(done: number, total: number): void {
      if (!stream.isTTY) return;
      const line = renderProgressBar(label, done, total, (stream.columns || 80) - 1, unit);
      if (line !== last) stream.write(`\r${line}\x1b[K`);
      last = line;
    },
    finish(message: string): void {
      stream.write(stream.isTTY && last ? `\r${message}\x1b[K\n` : `${message}\n`);
      last = '';
    },
    /** Clears the bar (on failure) so an error message starts on a clean line. */
    clear(): void {
      if (stream.isTTY && last) stream.write('\r\x1b[K');
      last = '';
    },
  };
}

import { spawnSync } from 'node:child_process';

/**
 * poppler-utils (pdfinfo, pdftotext) read the PDFs the tests make: Debian's package, installed
 * by .ci/run. Locally a missing one skips the PDF tests; in CI (CI=true) it is a failure.
 */
export function hasPoppler(): boolean {
  const found = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).status === 0;
  if (!found && process.env.CI) throw new Error("CI=true but pdftotext is missing: install Debian's poppler-utils");
  return found;
}

export function pdfInfo(file: string): { pages: number; width: number; height: number; title: string } {
  const out = run('pdfinfo', [file]);
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  return {
    pages: Number(/Pages:\s+(\d+)/.exec(out)?.[1]),
    width: Number(size?.[1]),
    height: Number(size?.[2]),
    title: /Title:\s+(.*)/.exec(out)?.[1]?.trim() ?? '',
  };
}

/** The text of each page, in order, with runs of white space made single spaces. */
export function pdfPages(file: string): string[] {
  return run('pdftotext', ['-layout', file, '-'])
    .split('\f')
    .slice(0, -1)
    .map((page) => page.replace(/\s+/g, ' ').trim());
}

function run(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  return r.stdout;
}

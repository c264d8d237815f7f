// Figures a bench script hands to bench/summary.mjs: one JSON line per figure in the file named by
// BENCH_RESULTS (set by `npm run bench`); without it, nothing is recorded and each script just prints.
import fs from 'node:fs';

/** `key` names a row of the summary (see bench/summary.mjs); `value` in the unit the row says. */
export function record(key, value, extra = {}) {
  const file = process.env.BENCH_RESULTS;
  if (!file || value === undefined || Number.isNaN(value)) return;
  fs.appendFileSync(file, JSON.stringify({ key, value, ...extra }) + '\n');
}

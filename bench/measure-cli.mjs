// Runs the Deckhand CLI in this process and reports its peak RSS on exit (Chromium is a
// separate process, so it is not counted).
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAXRSS_KB=${process.resourceUsage().maxRSS}\n`);
});
const { run } = await import(new URL('../lib/cli.js', import.meta.url).href);
process.exitCode = await run(process.argv);

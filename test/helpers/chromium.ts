import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { CHROMIUM_ARGS } from '../../src/diagrams/browser';

export const CHROMIUM = process.env.DECKHAND_CHROMIUM || '/usr/bin/chromium';

/**
 * Browser tests need Debian's Chromium. Locally a missing one skips them; in CI (CI=true)
 * it is a failure, so a green run always means the browser tests ran.
 */
export function hasChromium(): boolean {
  const found = fs.existsSync(CHROMIUM);
  if (!found && process.env.CI) throw new Error(`CI=true but no Chromium at ${CHROMIUM}: install Debian's chromium`);
  return found;
}

export async function launch(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/**
 * A Chromium for a server's diagrams that starts only once `release()` is called: a test can look
 * at the placeholders a page is served for as long as it needs, however slow the machine, instead
 * of racing the drawing with long diagrams that "take a while".
 */
export function heldChromium(dir: string): { path: string; release(): void } {
  const gate = path.join(dir, 'chromium-released');
  const file = path.join(dir, 'held-chromium');
  // Waits two minutes at most, so a test that fails before releasing it leaves no process behind.
  fs.writeFileSync(file, `#!/bin/sh\ni=0\nwhile [ ! -e '${gate}' ] && [ $i -lt 2400 ]; do sleep 0.05; i=$((i + 1)); done\nexec '${CHROMIUM}' "$@"\n`, { mode: 0o755 });
  return { path: file, release: () => fs.writeFileSync(gate, '') };
}

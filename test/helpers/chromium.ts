import fs from 'node:fs';
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

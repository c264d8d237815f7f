import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { DeckhandError } from '../diagnostics';
import { launchChromium } from '../diagrams/browser';
import { installHint } from '../diagrams/find-chromium';

/**
 * The Chromium a command cannot do without (PDF export, `check`). A missing one is the user's
 * to fix, so the message says how; like any failure of the tool itself, it exits 2.
 */
export function requireChromium(executable: string | false, purpose: string): string {
  if (!executable) throw new DeckhandError(`${purpose} needs Chromium, and --no-chromium was given`, [], 2);
  if (!fs.existsSync(executable)) throw new DeckhandError(missingChromiumMessage(executable, purpose), [], 2);
  return executable;
}

export async function launchRequiredChromium(executable: string, purpose: string): Promise<Browser> {
  try {
    return await launchChromium(executable);
  } catch (e) {
    const reason = (e as Error).message.split('\n')[0];
    throw new DeckhandError(`${purpose} needs Chromium, and the one at ${executable} did not start: ${reason}`, [], 2);
  }
}

export function missingChromiumMessage(executable: string, purpose: string): string {
  return [
    `${purpose} needs Chrome, Chromium or Edge, and there is none at ${executable} (nor in the usual places).`,
    `  ${installHint()[0].toUpperCase()}${installHint().slice(1)},`,
    `  or point Deckhand at one:  --chromium <path>  or  DECKHAND_CHROMIUM=<path>  (CHROME_PATH works too)`,
  ].join('\n');
}

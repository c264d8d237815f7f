import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, DISABLED_FEATURES, playwright } from '../../src/diagrams/browser';
import { CHROMIUM, hasChromium } from '../helpers/chromium';

/** The `--disable-features` list a browser runs with, as its chrome://version page shows it. */
async function disabledFeatures(args: string[]): Promise<{ features: string[]; omniboxPages: number }> {
  const browser = await playwright().chromium.launch({ executablePath: CHROMIUM, headless: true, args });
  try {
    const page = await browser.newPage();
    await page.goto('chrome://version');
    const line = (await page.locator('#command_line').textContent()) ?? '';
    const lists = line.match(/--disable-features=\S+/g) ?? [];
    const cdp = await browser.newBrowserCDPSession();
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: Array<{ url: string }> };
    // Chromium honours the last one.
    return { features: (lists.at(-1) ?? '').replace('--disable-features=', '').split(','), omniboxPages: targetInfos.filter((t) => t.url.includes('omnibox-popup')).length };
  } finally {
    await browser.close();
  }
}

describe.skipIf(!hasChromium())('the Chromium Deckhand launches', () => {
  it("keeps every feature Playwright turns off, and has no omnibox popup page eating a renderer's CPU", async () => {
    const playwrights = await disabledFeatures(['--no-sandbox']);
    expect(playwrights.features.length).toBeGreaterThan(5);
    // Without our flag, headless Chromium preloads the omnibox popup (what this guards against coming back).
    const ours = await disabledFeatures(CHROMIUM_ARGS);
    expect(ours.features).toEqual(expect.arrayContaining(playwrights.features));
    expect(ours.features).toEqual(expect.arrayContaining(DISABLED_FEATURES));
    expect(ours.omniboxPages).toBe(0);
  });
});

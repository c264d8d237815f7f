import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { startDevServer, type DevServer } from '../../src/server/dev-server';
import { launch } from './chromium';
import { copyFixture } from './fixtures';

/** The `basic` fixture under `deckhand dev`, and a page on it; fields are set once the hooks ran. */
export interface DevDeckPage {
  root: string;
  /** slides/basic/01-intro.md, and its text before any test changed it. */
  chapter: string;
  original: string;
  server: DevServer;
  browser: Browser;
  page: Page;
  logs: string[];
  /** How many updates of the deck the server has logged so far. */
  updates(): number;
  /** The text of the slide on screen. */
  presentText(): Promise<string>;
}

/**
 * For a describe block of dev-server browser tests: one server (diagrams left to the page) and
 * one browser for the block, a fresh page on the deck, connected, before every test.
 */
export function useDevDeckPage(): DevDeckPage {
  const deck = {
    logs: [] as string[],
    updates: () => deck.logs.filter((l) => /basic updated in/.test(l)).length,
    presentText: () => deck.page.locator('.reveal .slides section.present').first().innerText(),
  } as DevDeckPage;
  beforeAll(async () => {
    deck.root = copyFixture('basic');
    deck.chapter = path.join(deck.root, 'slides/basic/01-intro.md');
    deck.original = fs.readFileSync(deck.chapter, 'utf8');
    deck.server = await startDevServer({ root: deck.root, port: 0, chromium: false, cacheDir: path.join(deck.root, '.cache'), log: (l) => deck.logs.push(l) });
    deck.browser = await launch();
  });
  afterAll(async () => {
    await deck.browser?.close();
    await deck.server?.close();
  });
  beforeEach(async () => {
    await deck.page?.close();
    deck.page = await deck.browser.newPage({ viewport: { width: 1280, height: 800 } });
    await deck.page.goto(`${deck.server.url}basic/`);
    await deck.page.waitForSelector('html[data-deck-ready][data-deck-dev=connected]');
  });
  return deck;
}

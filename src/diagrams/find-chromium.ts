import fs from 'node:fs';
import path from 'node:path';

/**
 * Finds an installed Chrome, Chromium or Edge, the way Marp CLI and chrome-launcher do: the
 * variables a user may set, then each platform's standard install locations, then the PATH.
 * Deckhand never downloads a browser. The inputs are parameters so every platform is testable.
 */
export interface BrowserSearch {
  platform: NodeJS.Platform;
  env: Record<string, string | undefined>;
  exists(file: string): boolean;
}

export interface FoundBrowser {
  path: string;
  /** Where it was found: an environment variable's name, or "installed". */
  via: string;
}

const LINUX_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'microsoft-edge', 'microsoft-edge-stable', 'brave-browser'];
const LINUX_PLACES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium', '/usr/bin/microsoft-edge', '/opt/google/chrome/chrome'];
const MAC_APPS = [
  'Google Chrome.app/Contents/MacOS/Google Chrome',
  'Chromium.app/Contents/MacOS/Chromium',
  'Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
  'Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
  'Brave Browser.app/Contents/MacOS/Brave Browser',
];
const WINDOWS_PROGRAMS = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe', 'BraveSoftware\\Brave-Browser\\Application\\brave.exe'];

export function findChromium(search: BrowserSearch = thisMachine()): FoundBrowser | undefined {
  for (const name of ['DECKHAND_CHROMIUM', 'CHROME_PATH']) {
    const value = search.env[name];
    if (value) return { path: value, via: name };
  }
  const found = candidates(search).find((p) => search.exists(p));
  return found ? { path: found, via: 'installed' } : undefined;
}

function candidates({ platform, env }: BrowserSearch): string[] {
  if (platform === 'darwin') {
    const roots = ['/Applications', env.HOME ? path.posix.join(env.HOME, 'Applications') : ''].filter(Boolean);
    return roots.flatMap((r) => MAC_APPS.map((app) => path.posix.join(r, app)));
  }
  if (platform === 'win32') {
    const roots = [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.ProgramFiles, env['ProgramFiles(x86)']].filter((r): r is string => !!r);
    return roots.flatMap((r) => WINDOWS_PROGRAMS.map((p) => path.win32.join(r, p)));
  }
  const onPath = (env.PATH ?? '').split(':').filter(Boolean).flatMap((dir) => LINUX_NAMES.map((n) => path.posix.join(dir, n)));
  return [...LINUX_PLACES, ...onPath];
}

/** What to tell a user who has no browser Deckhand can use, for their platform. */
export function installHint(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'darwin') return 'install Google Chrome (or `brew install --cask chromium`)';
  if (platform === 'win32') return 'install Google Chrome, or use the Microsoft Edge that comes with Windows';
  return 'install Chromium (`sudo apt-get install chromium` on Debian and Ubuntu, `sudo dnf install chromium` on Fedora) or Google Chrome';
}

function thisMachine(): BrowserSearch {
  return { platform: process.platform, env: process.env, exists: (f) => fs.existsSync(f) };
}

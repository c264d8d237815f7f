import { describe, expect, it } from 'vitest';
import { findChromium, installHint } from '../../src/diagrams/find-chromium';

const on = (platform: NodeJS.Platform, files: string[], env: Record<string, string> = {}) => findChromium({ platform, env, exists: (f) => files.includes(f) });

describe('findChromium', () => {
  it('takes DECKHAND_CHROMIUM, then CHROME_PATH, before looking around', () => {
    expect(on('linux', ['/usr/bin/chromium'], { DECKHAND_CHROMIUM: '/opt/x/chrome', CHROME_PATH: '/y' })).toEqual({ path: '/opt/x/chrome', via: 'DECKHAND_CHROMIUM' });
    expect(on('linux', ['/usr/bin/chromium'], { CHROME_PATH: '/y' })).toEqual({ path: '/y', via: 'CHROME_PATH' });
  });

  it('finds Debian Chromium, Google Chrome or one on the PATH on Linux', () => {
    expect(on('linux', ['/usr/bin/chromium'])?.path).toBe('/usr/bin/chromium');
    expect(on('linux', ['/usr/bin/google-chrome-stable'])?.path).toBe('/usr/bin/google-chrome-stable');
    expect(on('linux', ['/home/me/bin/chromium-browser'], { PATH: '/usr/local/bin:/home/me/bin' })?.path).toBe('/home/me/bin/chromium-browser');
  });

  it('finds Chrome, Chromium or Edge in the Applications folders on macOS', () => {
    expect(on('darwin', ['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])?.path).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(on('darwin', ['/Users/me/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge'], { HOME: '/Users/me' })?.path).toContain('Microsoft Edge');
  });

  it('finds Chrome or Edge under Program Files and LocalAppData on Windows', () => {
    const edge = 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe';
    expect(on('win32', [edge], { 'PROGRAMFILES(X86)': 'C:\\Program Files (x86)' })?.path).toBe(edge);
    const chrome = 'C:\\Users\\me\\AppData\\Local\\Google\\Chrome\\Application\\chrome.exe';
    expect(on('win32', [chrome], { LOCALAPPDATA: 'C:\\Users\\me\\AppData\\Local' })?.path).toBe(chrome);
  });

  it('finds nothing when nothing is installed, and says what to install on each platform', () => {
    expect(on('linux', [])).toBeUndefined();
    expect(installHint('linux')).toContain('apt-get install chromium');
    expect(installHint('darwin')).toContain('Google Chrome');
    expect(installHint('win32')).toContain('Edge');
  });
});

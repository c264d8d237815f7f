import { describe, expect, it } from 'vitest';
import { formatPresentBanner } from '../../src/present/present-banner';
import { presentUrls } from '../../src/present/present-urls';
import { allowedHostNames, isLoopbackHost } from '../../src/server/host-names';
import { isAllowedHost, isAllowedOrigin } from '../../src/server/security';
import { renderSvgQr, renderTerminalQr } from '../../src/present/qr';
import { all, one, parseFragment } from '../helpers/html';

const TOKEN = 'A'.repeat(32);

describe('present links', () => {
  it('keeps a loopback talk on this machine', () => {
    const urls = presentUrls('127.0.0.1', 3030, 'my talk', TOKEN, ['192.168.1.20']);
    expect(urls).toEqual({
      audience: 'http://127.0.0.1:3030/my%20talk/',
      speaker: `http://127.0.0.1:3030/_deckhand/speaker#token=${TOKEN}`,
      remote: `http://127.0.0.1:3030/_deckhand/remote#token=${TOKEN}`,
      shared: false,
    });
  });

  it('gives the room this machine\'s address on a wildcard host, and the speaker loopback', () => {
    const urls = presentUrls('0.0.0.0', 3030, 'talk', TOKEN, ['192.168.1.20', 'fd00::2']);
    expect(urls.audience).toBe('http://192.168.1.20:3030/talk/');
    expect(urls.remote).toBe(`http://192.168.1.20:3030/_deckhand/remote#token=${TOKEN}`);
    expect(urls.speaker).toBe(`http://127.0.0.1:3030/_deckhand/speaker#token=${TOKEN}`);
    expect(urls.shared).toBe(true);
    expect(presentUrls('fd00::2', 3030, 'talk', TOKEN, []).audience).toBe('http://[fd00::2]:3030/talk/');
    expect(presentUrls('::', 3030, 'talk', TOKEN, []).shared).toBe(false);
  });

  it('tells loopback from the rest and lists names for a wildcard host', () => {
    expect(['127.0.0.1', '127.0.0.2', 'localhost', '::1'].every(isLoopbackHost)).toBe(true);
    expect(['192.168.1.20', '0.0.0.0', 'example.org'].some(isLoopbackHost)).toBe(false);
    expect(allowedHostNames('192.168.1.20')).toEqual(['192.168.1.20']);
    expect(allowedHostNames('0.0.0.0').length).toBeGreaterThan(1);
  });

  it('lets a server on every interface answer to each of its names, and to nothing else', () => {
    const names = ['192.168.1.20', 'fd00::2', 'laptop.local'];
    expect(isAllowedHost('192.168.1.20:3030', names, 3030)).toBe(true);
    expect(isAllowedHost('[fd00::2]:3030', names, 3030)).toBe(true);
    expect(isAllowedHost('laptop.local:3030', names, 3030)).toBe(true);
    expect(isAllowedHost('127.0.0.1:3030', names, 3030)).toBe(true);
    expect(isAllowedHost('192.168.1.21:3030', names, 3030)).toBe(false);
    expect(isAllowedHost('evil.example:3030', names, 3030)).toBe(false);
    expect(isAllowedOrigin('http://192.168.1.20:3030', names, 3030)).toBe(true);
    expect(isAllowedOrigin('http://evil.example:3030', names, 3030)).toBe(false);
  });
});

describe('formatPresentBanner', () => {
  it('prints the audience link and its QR code for a talk the room can reach, and the presenter links', async () => {
    const urls = presentUrls('192.168.1.20', 3030, 'talk', TOKEN, []);
    const qr = await renderTerminalQr(urls.audience);
    const text = formatPresentBanner({ title: 'Talk', slides: 12, urls, qr });
    expect(text).toContain('presenting "Talk" (12 slides)');
    expect(text).toContain('audience  http://192.168.1.20:3030/talk/');
    expect(text).toContain(`speaker   http://192.168.1.20:3030/_deckhand/speaker#token=${TOKEN}`);
    expect(text).toContain(`remote    http://192.168.1.20:3030/_deckhand/remote#token=${TOKEN}`);
    expect(text).toContain(qr.trimEnd());
    // Half blocks, about 16 lines: small enough for a terminal.
    expect(qr).toMatch(/[▀▄█]/);
    expect(qr.trimEnd().split('\n').length).toBeLessThan(24);
  });

  it('says how to let the room join when the talk is on loopback, and where a resumed talk goes on', () => {
    const text = formatPresentBanner({ title: 'Talk', slides: 1, urls: presentUrls('127.0.0.1', 3030, 'talk', TOKEN, []), resumedAt: { h: 4, v: 1, f: 0 } });
    expect(text).toContain('--host 0.0.0.0');
    expect(text).toContain('Resumed the talk at slide 5.2');
    expect(text).not.toMatch(/[▀▄█]/);
  });

  it('renders an SVG QR code for the speaker view', async () => {
    const html = parseFragment(await renderSvgQr('http://192.168.1.20:3030/_deckhand/remote#token=x'));
    // One <svg> and nothing around it, drawing the code's modules.
    expect([...html.childNodes].filter((n) => n.nodeType !== 3 || n.textContent?.trim()).map((n) => n.nodeName.toLowerCase())).toEqual(['svg']);
    expect(one(html, 'svg').getAttribute('viewBox')).toMatch(/^0 0 \d+ \d+$/);
    expect(all(html, 'svg path').length).toBeGreaterThan(0);
  });
});

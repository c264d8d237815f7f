import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyConfig, withFasterGetConfig } from '../../src/diagrams/faster-mermaid';
import { renderInPage } from '../../src/diagrams/mermaid-page';
import { MERMAID_BROWSER_FILE } from '../../src/diagrams/render-diagrams';
import { hasChromium, launch } from '../helpers/chromium';

const shipped = fs.readFileSync(MERMAID_BROWSER_FILE, 'utf8');

describe('the render page’s mermaid bundle', () => {
  it('recognises the getConfig of the mermaid Deckhand ships (a mermaid update that changes it fails here)', () => {
    const faster = withFasterGetConfig(shipped);
    expect(faster).toBeDefined();
    expect(faster!.match(/"getConfig"\)/g)?.length).toBe(shipped.match(/"getConfig"\)/g)?.length);
    expect(faster).toContain('__deckhandCopyConfig(');
  });

  it('is left as it ships when getConfig is not found exactly once', () => {
    expect(withFasterGetConfig('var a=1;')).toBeUndefined();
    const twice = 'x=s(()=>c({},k),"getConfig");y=s(()=>c({},k),"getConfig");';
    expect(withFasterGetConfig(twice)).toBeUndefined();
    expect(withFasterGetConfig('x=s(()=>c({},k),"getConfig");')).toContain('x=s(()=>__deckhandCopyConfig(k,2),"getConfig")');
  });

  it('copies as mermaid does: depth, key order, nulls left out, arrays without repeats, shared below the depth', () => {
    const deep = { z: 1 };
    const source = { b: 1, a: { n: null, u: undefined, list: [1, 2, 1, 'x', 'x'], inner: { deep, v: 'v' } }, fn: String, gone: null };
    const copy = copyConfig(source, 2) as typeof source;
    expect(Object.keys(copy)).toEqual(['b', 'a', 'fn']);
    expect(Object.keys(copy.a)).toEqual(['u', 'list', 'inner']);
    expect(copy.a.list).toEqual([1, 2, 'x']);
    expect(copy.a).not.toBe(source.a);
    expect(copy.a.inner).not.toBe(source.a.inner);
    expect(copy.a.inner.deep).toBe(deep);
    expect(copy.fn).toBe(String);
  });
});

/**
 * The real check: the same diagrams drawn by mermaid as it ships and by the render page's
 * bundle come out byte for byte the same, and so does the configuration getConfig hands out.
 */
describe.runIf(hasChromium())('the faster bundle draws exactly what mermaid draws', () => {
  let browser: Browser;
  const pages: Record<'shipped' | 'faster', Page> = {} as never;
  const config = {
    theme: 'base',
    themeVariables: { primaryColor: '#dbe9f6', fontFamily: 'sans-serif' },
    flowchart: { curve: 'basis' },
    sequence: { mirrorActors: false },
    look: 'handDrawn',
  };
  const diagrams = [
    'flowchart LR\n  A[Client] -->|REST| B(Daemon)\n  B --> C{{containerd}}\n  subgraph host\n    C --> D[(runc)]\n  end',
    'sequenceDiagram\n  participant C as docker CLI\n  C->>D: POST /containers/create\n  activate D\n  D-->>C: 201 Created\n  deactivate D\n  Note over C,D: over a Unix socket',
    'classDiagram\n  class Image { +layers: Layer[] }\n  Image "1" --> "*" Layer',
    'stateDiagram-v2\n  [*] --> Created\n  Created --> Running: start\n  Running --> Exited: stop\n  Exited --> [*]',
    'erDiagram\n  IMAGE ||--o{ CONTAINER : runs',
    'pie title Layers\n  "base" : 70\n  "app" : 30',
  ];

  beforeAll(async () => {
    browser = await launch();
    for (const [name, bundle] of [['shipped', shipped], ['faster', withFasterGetConfig(shipped)!]] as const) {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><html><body></body></html>');
      await page.addScriptTag({ content: bundle });
      pages[name] = page;
    }
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('draws the same SVGs', async () => {
    const jobs = diagrams.map((code, i) => ({ renderId: `deck-m-${i}`, code }));
    const [shippedSvgs, fasterSvgs] = await Promise.all([pages.shipped, pages.faster].map((p) => p.evaluate(renderInPage, { jobs, config })));
    expect(shippedSvgs.map((r) => r.error)).toEqual(diagrams.map(() => undefined));
    expect(fasterSvgs).toEqual(shippedSvgs);
  });

  it('hands out the same configuration, including what is shared between copies', async () => {
    const read = (page: Page) =>
      page.evaluate((config) => {
        const m = (window as unknown as { mermaid: { initialize(c: object): void; mermaidAPI: { getConfig(): Record<string, unknown> } } }).mermaid;
        m.initialize(config);
        const [a, b] = [m.mermaidAPI.getConfig(), m.mermaidAPI.getConfig()];
        // Every path, the type and value found there, and whether two copies share the object.
        const paths: string[] = [];
        const walk = (x: unknown, y: unknown, at: string, depth: number) => {
          if (x && typeof x === 'object') {
            paths.push(`${at} ${Array.isArray(x) ? 'array' : 'object'} ${x === y ? 'shared' : 'own'}`);
            if (depth < 6) for (const k of Object.keys(x)) walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], `${at}.${k}`, depth + 1);
          } else paths.push(`${at} ${typeof x} ${typeof x === 'function' ? '' : String(x)}`);
        };
        walk(a, b, '', 0);
        return paths;
      }, config);
    const shippedPaths = await read(pages.shipped);
    expect(shippedPaths.length).toBeGreaterThan(500);
    expect(await read(pages.faster)).toEqual(shippedPaths);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { diagramKey, openDiagramCache, type DiagramKeyParts } from '../../src/diagrams/cache';
import { makeProject } from '../helpers/fixtures';

const parts: DiagramKeyParts = { code: 'flowchart LR\n  A --> B\n', config: { theme: 'default' }, mermaidVersion: '11.0.0', font: 'sans' };

describe('diagramKey', () => {
  it('is the same for the same diagram, and changes with anything that changes the picture', () => {
    const key = diagramKey(parts);
    expect(diagramKey({ ...parts, config: { theme: 'default' } })).toBe(key);
    const changed = [
      diagramKey({ ...parts, code: 'flowchart LR\n  A --> C\n' }),
      diagramKey({ ...parts, config: { theme: 'dark' } }),
      diagramKey({ ...parts, font: '"Source Sans 3", sans-serif' }),
      diagramKey({ ...parts, mermaidVersion: '11.0.1' }),
    ];
    expect(new Set([key, ...changed]).size).toBe(5);
  });
});

describe('openDiagramCache', () => {
  it('keeps SVGs on disk for later runs, and forgets in memory only what it is told to', () => {
    const dir = path.join(makeProject({}), 'cache');
    const cache = openDiagramCache(dir);
    cache.put('a', '<svg id="a"/>');
    cache.put('b', '<svg id="b"/>');
    expect(cache.size).toBe(2);
    cache.retain(new Set(['a']));
    expect(cache.size).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['a.svg', 'b.svg']);
    // A later run (a new cache on the same folder) reads what an earlier one drew.
    const later = openDiagramCache(dir);
    expect(later.get('b')).toBe('<svg id="b"/>');
    expect(later.get('missing')).toBeUndefined();
  });
});

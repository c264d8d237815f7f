import { describe, expect, it } from 'vitest';
import { lanesByKind, takeNext } from '../../src/diagrams/draw-order';
import { diagramKeyword } from '../../src/diagrams/steps/split-steps';
import { guessDiagramCount } from '../../src/diagrams/render-diagrams';

describe('draw order', () => {
  it('reads a diagram’s kind past front matter and %% lines', () => {
    expect(diagramKeyword('flowchart LR\n  a --> b')).toBe('flowchart');
    expect(diagramKeyword('---\ntitle: Layers\nconfig:\n  theme: base\n---\n%% steps: a | b\n\nblock-beta\n  columns 3')).toBe('block-beta');
    expect(diagramKeyword('%%{init: {"theme": "dark"}}%%\nsequenceDiagram\n  A->>B: hi')).toBe('sequenceDiagram');
    expect(diagramKeyword('')).toBe('');
  });

  it('gives each page as few kinds as it can, keeping the deck’s order within a kind', () => {
    const codes = ['flowchart 1', 'block-beta 1', 'flowchart 2', 'sequenceDiagram 1', 'block-beta 2', 'flowchart 3'];
    const lanes = lanesByKind(codes, diagramKeyword, 2);
    expect(lanes).toEqual([
      ['block-beta 1', 'block-beta 2', 'flowchart 1'],
      ['flowchart 2', 'flowchart 3', 'sequenceDiagram 1'],
    ]);
    // One page draws in the deck's order.
    expect(lanesByKind(codes, diagramKeyword, 1)).toEqual([codes]);
  });

  it('a page that runs out takes from the end of the fullest other page, until all are drawn', () => {
    const lanes = [['a1'], ['b1', 'b2', 'b3', 'b4']];
    const taken = [takeNext(lanes, 0), takeNext(lanes, 0), takeNext(lanes, 1), takeNext(lanes, 0), takeNext(lanes, 1), takeNext(lanes, 0)];
    expect(taken).toEqual(['a1', 'b4', 'b1', 'b3', 'b2', undefined]);
  });

  it('guesses how many diagrams sources hold without parsing them', () => {
    const md = ['# A\n\n```mermaid\nflowchart LR\n```\n\n~~~~ mermaid\nsequenceDiagram\n~~~~\n', '![Engine](../diagrams/engine.mmd)\n\n```js\nconst mermaid = 1;\n```\n'];
    expect(guessDiagramCount(md)).toBe(3);
    expect(guessDiagramCount(['# No diagrams here'])).toBe(0);
  });
});

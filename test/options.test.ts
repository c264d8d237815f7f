import { describe, expect, it } from 'vitest';
import { defaultMermaidConfig, resolveDeckOptions } from '../src/options';

describe('a deck’s mermaid settings', () => {
  it('keep Deckhand’s defaults for what they leave out, a diagram type’s settings key by key', () => {
    const { mermaid } = resolveDeckOptions({ mermaid: { flowchart: { nodeSpacing: 30 }, themeVariables: { primaryColor: '#f00' } } }, '', {}, { config: { mermaid: { themeVariables: { lineColor: '#00f' } } } });
    expect(mermaid.flowchart).toEqual({ ...(defaultMermaidConfig().flowchart as object), nodeSpacing: 30 });
    expect(mermaid.themeVariables).toEqual({ lineColor: '#00f', primaryColor: '#f00' });
    expect(mermaid.securityLevel).toBe('strict');
  });

  it('replace a default outright when the deck says so', () => {
    const { mermaid } = resolveDeckOptions({ mermaid: { flowchart: { subGraphTitleMargin: { top: 0, bottom: 0 } }, htmlLabels: true } }, '');
    expect((mermaid.flowchart as Record<string, unknown>).subGraphTitleMargin).toEqual({ top: 0, bottom: 0 });
    expect(mermaid.htmlLabels).toBe(true);
  });
});

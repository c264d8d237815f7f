import { describe, expect, it } from 'vitest';
import { readThemeVariables } from '../../src/assemble/theme-variables';

describe('readThemeVariables', () => {
  it('reads the custom properties of :root, .reveal and .reveal-viewport, later rules winning, var() resolved', () => {
    const css = [
      ':root{--base:#123456;--r-main-color:var(--base);--r-link-color:red}',
      '/* --r-link-color: blue in a comment is no rule */',
      '.reveal-viewport{--r-background-color:var(--missing, var(--base))}',
      '.reveal{--r-link-color:green}',
      '.reveal .slides section{--r-link-color:purple}',
      '@media print{:root{--r-link-color:black}}',
      ':root{--loop:var(--loop);--r-main-font:"Source Sans 3", sans-serif}',
    ].join('\n');
    expect(readThemeVariables(css)).toEqual({
      '--base': '#123456',
      '--r-main-color': '#123456',
      '--r-link-color': 'green',
      '--r-background-color': '#123456',
      '--r-main-font': '"Source Sans 3", sans-serif',
    });
  });
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_PREVIEW_THEME, readPreviewTheme } from './readPreviewTheme.ts';

describe('readPreviewTheme', () => {
  it('takes the accent, font and palette from theme and chartColors', () => {
    expect(
      readPreviewTheme(
        { colors: { primary: '#0f766e' }, typography: { fontFamily: 'Georgia, serif' } },
        ['#0f766e', '#f97316'],
        undefined,
      ),
    ).toEqual({ accent: '#0f766e', fontFamily: 'Georgia, serif', chartColors: ['#0f766e', '#f97316'] });
  });

  it('falls back to options.chartColors, then to the defaults', () => {
    expect(readPreviewTheme(undefined, undefined, { chartColors: ['#111111'] }).chartColors).toEqual([
      '#111111',
    ]);
    expect(readPreviewTheme('not a theme', [1, 2], { chartColors: [] })).toEqual(DEFAULT_PREVIEW_THEME);
  });
});

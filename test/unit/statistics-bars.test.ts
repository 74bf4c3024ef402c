import { describe, expect, it } from 'vitest';
import { hiddenCount } from '../../functions/domain/digests/small-counts.ts';
import { barsHtml, barsText } from '../../shared/statistics.ts';

const bars = [
  { label: 'Qualité', shown: '8', value: 8 },
  { label: 'Export', shown: '4', value: 4 },
  { label: 'Numérique <script>', shown: hiddenCount, value: 0 },
];

describe('bars a mail client draws', () => {
  it('sizes each bar against the longest, escapes labels, and draws nothing for a hidden count', () => {
    const markup = barsHtml('Compétences demandées', bars).value;

    expect(markup).toContain('width:100%;height:14px');
    expect(markup).toContain('width:50%;height:14px');
    expect(markup.match(/height:14px/g)).toHaveLength(2);
    expect(markup).toContain('Numérique &#60;script&#62;');
    expect(markup).not.toMatch(/<img|<script|<style/);
  });

  it('draws the same bars in text, 20 blocks for the longest', () => {
    const lines = barsText('Compétences demandées', bars).split('\n');

    expect(lines[1]).toContain(`${'█'.repeat(20)} 8`);
    expect(lines[2]).toContain(`${'█'.repeat(10)} 4`);
    expect(lines[3]).toMatch(/Numérique <script>\s+ <\u00a03$/);
  });
});

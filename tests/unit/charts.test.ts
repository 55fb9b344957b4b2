import { describe, expect, it } from 'vitest';
import { barChartsSvg, formatNumber } from '../../src/charts/svg.js';
import { barChartText, displayWidth } from '../../src/charts/terminal.js';
import type { BarChart } from '../../src/charts/types.js';

const chart: BarChart = {
  title: '城市低保标准各地比较',
  unit: '元/人/月',
  bars: [
    { label: '镇江市', value: 820, detail: '2022' },
    { label: '许昌市', value: 410 },
    { label: 'A&B<县>', value: 0 },
  ],
  footnote: '来源:各地民政报告',
};

describe('barChartsSvg', () => {
  const svg = barChartsSvg([chart]);
  const widths = [...svg.matchAll(/<rect x="170" y="\d+" width="(\d+)"/g)].map((match) => Number(match[1]));

  it('draws one bar per row in order, lengths proportional from zero', () => {
    expect(widths).toHaveLength(3);
    expect(widths[0]).toBe(2 * widths[1]!);
    expect(widths[2]).toBe(1); // zero still shows a hairline
    expect(svg).toContain('820 元/人/月 (2022)');
    expect(svg).toContain('410 元/人/月<');
  });

  it('escapes text and stacks several charts', () => {
    expect(svg).toContain('A&amp;B&lt;县&gt;');
    const two = barChartsSvg([chart, { ...chart, title: '第二幅' }]);
    const height = (text: string) => Number(/height="(\d+)"/.exec(text)?.[1]);
    expect(height(two)).toBe(2 * height(svg));
    expect(two).toContain('第二幅');
  });
});

describe('barChartText', () => {
  it('pads labels by display width and scales bars to the columns', () => {
    const lines = barChartText(chart, 20).split('\n');
    expect(lines[0]).toBe('城市低保标准各地比较');
    expect(lines[1]).toBe(' 镇江市 │████████████████████ 820 元/人/月 (2022)');
    expect(lines[2]).toBe(' 许昌市 │██████████ 410 元/人/月');
    expect(lines[3]).toBe('A&B<县> │ 0 元/人/月');
    expect(lines[4]).toBe('来源:各地民政报告');
  });

  it.each([
    ['许昌', 4],
    ['abc', 3],
    ['A＆B', 4],
    ['𠀋', 2],
  ])('displayWidth(%s) = %i', (text, width) => {
    expect(displayWidth(text)).toBe(width);
  });

  it('formats numbers grouped with at most two decimals', () => {
    expect(formatNumber(1234567.456)).toBe('1,234,567.46');
    expect(formatNumber(465)).toBe('465');
  });
});

import type { BarChart } from './types.js';

const WIDTH = 800;
const LABEL_WIDTH = 170;
const VALUE_WIDTH = 270;
const ROW_HEIGHT = 30;
const TITLE_HEIGHT = 50;
const FOOT_HEIGHT = 34;
const BAR_COLOR = '#2f6fb3';
/** CJK families clients' systems have (Windows, macOS, Linux), then whatever sans-serif there is. */
export const FONT_FAMILY = "'Microsoft YaHei', 'PingFang SC', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'SimHei', sans-serif";

/**
 * Horizontal bar charts as one SVG, stacked: per chart a title, one bar per row in the given order
 * (the ranking), lengths proportional to the values from zero, each value written beside its bar.
 * Pure: text in, text out.
 */
export function barChartsSvg(charts: readonly BarChart[]): string {
  let y = 0;
  const parts = charts.map((chart) => {
    const drawn = chartAt(chart, y);
    y += drawn.height;
    return drawn.svg;
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${y}" viewBox="0 0 ${WIDTH} ${y}" font-family="${FONT_FAMILY}" font-size="14" fill="#222">` +
    `<rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`
  );
}

function chartAt({ title, unit, bars, footnote }: BarChart, top: number): { svg: string; height: number } {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const barArea = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 20;
  const rows = bars.map((bar, i) => {
    const y = top + TITLE_HEIGHT + i * ROW_HEIGHT;
    const length = max > 0 ? Math.max(1, Math.round((bar.value / max) * barArea)) : 1;
    const value = `${formatNumber(bar.value)} ${unit}${bar.detail ? ` (${bar.detail})` : ''}`;
    return (
      `<text x="${LABEL_WIDTH - 10}" y="${y + 19}" text-anchor="end">${escape(bar.label)}</text>` +
      `<rect x="${LABEL_WIDTH}" y="${y + 5}" width="${length}" height="${ROW_HEIGHT - 10}" fill="${BAR_COLOR}"/>` +
      `<text x="${LABEL_WIDTH + length + 8}" y="${y + 19}">${escape(value)}</text>`
    );
  });
  const height = TITLE_HEIGHT + bars.length * ROW_HEIGHT + FOOT_HEIGHT;
  const foot = footnote ? `<text x="20" y="${top + height - 12}" font-size="12" fill="#666">${escape(footnote)}</text>` : '';
  return { svg: `<text x="20" y="${top + 32}" font-size="18" font-weight="bold">${escape(title)}</text>${rows.join('')}${foot}`, height };
}

/** 1234567.5 → 1,234,567.5: grouped, at most two decimals. */
export function formatNumber(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 2 });
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

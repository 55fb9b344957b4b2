import { formatNumber } from './svg.js';
import type { BarChart } from './types.js';

const FULL = '█';
const PARTS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/**
 * A bar chart for the terminal: labels padded by display width (a Chinese character takes two
 * columns), bars in eighths of a column, the value after each bar.
 */
export function barChartText({ title, unit, bars, footnote }: BarChart, columns = 40): string {
  const max = Math.max(...bars.map((bar) => bar.value), 0);
  const labelWidth = Math.max(0, ...bars.map((bar) => displayWidth(bar.label)));
  const lines = bars.map((bar) => {
    const eighths = max > 0 ? Math.round((bar.value / max) * columns * 8) : 0;
    const drawn = FULL.repeat(Math.floor(eighths / 8)) + PARTS[eighths % 8];
    const pad = ' '.repeat(labelWidth - displayWidth(bar.label));
    return `${pad}${bar.label} │${drawn} ${formatNumber(bar.value)} ${unit}${bar.detail ? ` (${bar.detail})` : ''}`;
  });
  return [title, ...lines, ...(footnote ? [footnote] : [])].join('\n');
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(char) ? 2 : 1;
  return width;
}

import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { canDrawChinese, svgToPng } from '../../charts/png.js';
import { barChartsSvg } from '../../charts/svg.js';
import type { BarChart } from '../../charts/types.js';
import type { ReportLibrary } from '../../library.js';

/** Bars in one chart; a comparison over more places says how many were left out. */
export const MAX_BARS = 30;

/** A comparison row as compare_cities returns it (the fields a chart reads). */
export interface ChartRow {
  indicator?: string;
  place: string;
  normalized_value?: number | null;
  as_of?: number | null;
}

/** Units in letters, for a machine without a Chinese font. */
const UNIT_WORDS: [RegExp, string][] = [
  [/人次/g, 'person-times'],
  [/元/g, 'yuan'],
  [/人/g, 'person'],
  [/月/g, 'month'],
  [/年/g, 'year'],
  [/个/g, 'units'],
  [/张/g, 'beds'],
  [/户/g, 'households'],
  [/对/g, 'couples'],
];

/**
 * One bar chart per indicator of a comparison (ranked as the table), drawn from its rows with a
 * normalised value. Labels are Chinese when the machine has a Chinese font, else pinyin and ids.
 */
export function comparisonCharts(rows: readonly ChartRow[], library: ReportLibrary, chinese: boolean): BarChart[] {
  const byIndicator = new Map<string, ChartRow[]>();
  for (const row of rows) {
    if (row.indicator === undefined || row.normalized_value === null || row.normalized_value === undefined) continue;
    byIndicator.set(row.indicator, [...(byIndicator.get(row.indicator) ?? []), row]);
  }
  return [...byIndicator].map(([id, ranked]) => {
    const indicator = library.indicators.catalogue.find((candidate) => candidate.id === id);
    const unit = indicator?.unit ?? '';
    const shown = ranked.slice(0, MAX_BARS);
    const left = ranked.length - shown.length;
    return {
      title: chinese ? `${indicator?.name ?? id}各地比较` : `${id}: ranking by place`,
      unit: chinese ? unit : UNIT_WORDS.reduce((text, [pattern, word]) => text.replace(pattern, word), unit),
      bars: shown.map((row) => ({
        label: chinese ? row.place : (library.places.find(row.place)?.id ?? row.place),
        value: row.normalized_value!,
        ...(row.as_of ? { detail: String(row.as_of) } : {}),
      })),
      footnote: chinese
        ? `来源:各地民政报告,数值已换算为统一单位${left > 0 ? `;另有 ${left} 个地方未画出` : ''}`
        : `Source: civil-affairs reports, normalised units${left > 0 ? `; ${left} more places not drawn` : ''}`,
    };
  });
}

/** The tool result with its charts as one PNG image block beside the table, and a line saying so. */
export function withCharts(result: CallToolResult, library: ReportLibrary, topic: boolean): CallToolResult {
  if (result.isError) return result;
  const note = (text: string): CallToolResult => ({ ...result, content: [...result.content, { type: 'text', text }] });
  if (topic) return note('(图表只用于指标比较,不用于话题比较 / charts are drawn for indicator comparisons only)');
  try {
    const chinese = canDrawChinese();
    const rows = ((result.structuredContent as { rows?: ChartRow[] } | undefined)?.rows ?? []);
    const charts = comparisonCharts(rows, library, chinese);
    if (charts.length === 0) return note('(没有可画图的数值 / no normalised values to chart)');
    const image = { type: 'image' as const, data: svgToPng(barChartsSvg(charts)).toString('base64'), mimeType: 'image/png' };
    const fonts = chinese ? '' : ';本机没有中文字体,图中地名用拼音 / no Chinese font on the server: labels in pinyin';
    return { ...result, content: [...result.content, { type: 'text', text: `(附排名图 ${charts.length} 幅,PNG${fonts})` }, image] };
  } catch (error) {
    return note(`(图表未能生成 / chart not drawn: ${(error as Error).message})`);
  }
}

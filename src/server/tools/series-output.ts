import { z } from 'zod';
import { indicatorById } from '../../indicators/catalogue.js';
import type { Series } from '../../timeline/series.js';
import { formatCitation } from '../format.js';
import { citationSchema } from '../schemas.js';

/** How a series is returned: a schema built fresh per use (no $ref) and a text table (year, value, source). */
export const seriesSchema = () =>
  z.object({
    place: z.string().describe('The place the values are for (a part such as 镇江市市区 has its own series)'),
    indicator: z.string(),
    unit: z.string().describe('Unit of every value: the indicator\'s normalised unit'),
    conflict_years: z.array(z.number()).describe('Years for which two sources give values that cannot both hold'),
    points: z.array(
      z.object({
        year: z.number(),
        year_source: z.enum(['text', 'report', 'period']).describe('text: the sentence states it; report: the report\'s date; period: the start of "N年来" for the earlier value of a from→to'),
        value: z.number().describe('In unit'),
        written: z.string().describe('As the report writes it'),
        source: z.enum(['level', 'previous']).describe('level, or the earlier value of a from→to'),
        doc_id: z.string(),
        conflict: z.boolean(),
        citation: citationSchema(),
      }),
    ),
  });

export function toSeriesMatch(series: Series) {
  return {
    place: series.place,
    indicator: series.indicator,
    unit: series.unit,
    conflict_years: series.conflict_years,
    points: series.points.map(({ year, year_source, value, written, source, doc_id, conflict, citation }) => ({ year, year_source, value, written, source, doc_id, conflict, citation })),
  };
}

const YEAR_NOTES = { text: '', report: '(按报告日期)', period: '(由"N年来"推得)' } as const;

/** One small table per series: 年份 | 数值 | 原文 | 出处, disagreements marked. */
export function seriesTable(series: readonly Series[]): string {
  return series
    .map((s) => {
      const name = indicatorById(s.indicator)?.name ?? s.indicator;
      const rows = s.points.map(
        (p) => `| ${p.year}${YEAR_NOTES[p.year_source]} | ${p.value} ${s.unit}${p.conflict ? ' ⚠来源不一致' : ''} | ${p.written}${p.source === 'previous' ? '(调整前)' : ''} | ${formatCitation(p.citation)} 「${p.citation.quote}」 |`,
      );
      return [`${s.place}·${name}(${s.unit}):`, '| 年份 | 数值 | 原文 | 出处 |', '|---|---|---|---|', ...rows].join('\n');
    })
    .join('\n\n');
}

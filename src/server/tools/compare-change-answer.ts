import { MinzhengError } from '../../errors.js';
import type { ReportLibrary } from '../../library.js';
import { compareChange } from '../../timeline/compare-change.js';
import { formatCitation } from '../format.js';
import type { ToolAnswer } from '../tool-result.js';
import { requestRef } from './indicator-output.js';

/** compare_cities with from_year/to_year: each place's change between the two years, from cited points, arithmetic shown. */
export function compareChangeAnswer(library: ReportLibrary, indicatorInput: string, places: string[], fromYear: number, toYear: number): ToolAnswer<Record<string, unknown>> {
  if (fromYear >= toYear) throw new MinzhengError('BAD_ARGUMENT', `from_year 须早于 to_year (from_year must be before to_year): got ${fromYear} → ${toYear}.`);
  const { request, rows, missing } = compareChange(library, indicatorInput, places, fromYear, toYear);
  const asked = requestRef(request);
  const structuredRows = rows.map((row) => ({
    indicator: row.indicator.id,
    place: row.place,
    ...library.places.infoOf(row.place),
    normalized_value: row.to.value,
    written: row.to.written,
    as_of: row.to.year,
    published: row.to.published,
    citation: row.to.citation,
    note: row.notes.join(';'),
    from_year: row.from.year,
    to_year: row.to.year,
    from_value: row.from.value,
    to_value: row.to.value,
    change: row.change,
    change_percent: row.change_percent,
    arithmetic: row.arithmetic,
    from_citation: row.from.citation,
    series_place: row.series_place,
  }));
  const lines = rows.map(
    (row, i) =>
      `${i + 1}. ${row.place}${row.series_place !== row.place ? `(${row.series_place})` : ''}·${row.indicator.name}:${row.arithmetic}` +
      `${row.notes.length ? `\n   注:${row.notes.join(';')}` : ''}` +
      `\n   ${row.from.year}年 引用 ${formatCitation(row.from.citation)} 「${row.from.citation.quote}」` +
      `\n   ${row.to.year}年 引用 ${formatCitation(row.to.citation)} 「${row.to.citation.quote}」`,
  );
  const missingLines = missing.map((entry) => `- ${entry.note}`);
  const text =
    `${asked.name} ${fromYear}→${toYear} 年的变化(按报告原文的数值计算,单位 ${asked.unit},按增幅从高到低):\n${lines.join('\n') || '(没有同时有这两年数据的地方)'}` +
    (missingLines.length ? `\n无法计算的地方:\n${missingLines.join('\n')}` : '');
  return {
    structured: { indicator: asked, normalized_unit: asked.unit, rows: structuredRows, missing: [...new Set(missing.map((entry) => entry.place))].filter((place) => !rows.some((row) => row.place === place)), missing_notes: missing },
    text,
  };
}

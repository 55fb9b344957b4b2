import { resolveIndicators, type IndicatorRequest } from '../indicators/resolve.js';
import type { IndicatorDef } from '../indicators/types.js';
import type { ReportLibrary } from '../library.js';
import type { Series, SeriesPoint } from './series.js';
import { seriesOf } from './timeline.js';

/**
 * The change of an indicator between two years across places, computed only from cited points of
 * each place's series (2012 → 2022: 1000 → 2642 元/人/月, +1642, +164.2%). A place whose series
 * lacks either year, or whose sources disagree on one, is listed with the reason instead.
 */
export interface ChangeRow {
  place: string;
  /** The series' place: the report's place, or a part of it (镇江市市区) when that is all the reports give. */
  series_place: string;
  indicator: IndicatorDef;
  from: SeriesPoint;
  to: SeriesPoint;
  change: number;
  change_percent: number | null;
  arithmetic: string;
  notes: string[];
}

export interface ChangeComparison {
  request: IndicatorRequest;
  rows: ChangeRow[];
  missing: { place: string; indicator: string; note: string }[];
}

const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
const signed = (value: number) => `${value > 0 ? '+' : ''}${value}`;

/** The one value a series gives for a year: undefined when it gives none, 'conflict' when its sources disagree. */
function pointAt(series: Series, year: number): SeriesPoint | 'conflict' | undefined {
  const points = series.points.filter((point) => point.year === year);
  if (points.length === 0) return undefined;
  if (points.some((point) => point.conflict)) return 'conflict';
  return points.find((point) => point.year_source === 'text') ?? points[0];
}

export function compareChange(library: ReportLibrary, indicatorInput: string, places: readonly string[], fromYear: number, toYear: number): ChangeComparison {
  const request = resolveIndicators(indicatorInput);
  const rows: ChangeRow[] = [];
  const missing: ChangeComparison['missing'] = [];
  for (const indicator of request.members) {
    const all = seriesOf(library, [indicator.id], new Set(places));
    for (const place of places) {
      // The whole place first; a part of it (镇江市市区) only when that is all there is.
      const candidates = all.filter((series) => series.report_place === place).sort((a, b) => Number(a.place !== place) - Number(b.place !== place));
      let reason = `${place}没有${indicator.name}的数据`;
      let row: ChangeRow | undefined;
      for (const series of candidates) {
        const from = pointAt(series, fromYear);
        const to = pointAt(series, toYear);
        if (from === 'conflict' || to === 'conflict') {
          reason = `${series.place}${from === 'conflict' ? fromYear : toYear}年的${indicator.name}各来源不一致,无法计算变化`;
          continue;
        }
        if (!from || !to) {
          const years = series.points.map((point) => point.year);
          reason = `${series.place}的${indicator.name}只有${[...new Set(years)].join('、')}年的数据,没有${!from ? fromYear : toYear}年的`;
          continue;
        }
        const change = round(to.value - from.value);
        const percent = from.value === 0 ? null : round(((to.value - from.value) / from.value) * 100, 1);
        const arithmetic = `${fromYear} → ${toYear}: ${from.value} → ${to.value} ${series.unit}, ${signed(change)}${percent === null ? '' : ` (${signed(percent)}%)`}`;
        const notes: string[] = [];
        if (series.place !== place) notes.push(`数值为${series.place}的数据,不是${place}全域的`);
        for (const point of [from, to]) {
          if (point.year_source === 'report') notes.push(`${point.year}年按报告发布时间(${point.published})计,原文未写年份`);
          if (point.year_source === 'period') notes.push(`${point.year}年由原文所述期间推得(原文"N年来"的起点)`);
          if (point.qualifier !== 'exact') notes.push(`${point.year}年的数值原文为「${point.written}」`);
        }
        row = { place, series_place: series.place, indicator, from, to, change, change_percent: percent, arithmetic, notes };
        break;
      }
      if (row) rows.push(row);
      else missing.push({ place, indicator: indicator.id, note: reason });
    }
  }
  rows.sort((a, b) => (b.change_percent ?? -Infinity) - (a.change_percent ?? -Infinity));
  return { request, rows, missing };
}

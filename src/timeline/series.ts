import type { Citation } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import { consistent } from '../check/closeness.js';
import { yearStated } from '../indicators/figure.js';
import type { Figure, Qualifier } from '../indicators/types.js';

/**
 * A place's values of one indicator over time, from what the reports state: each level at the
 * year it holds for, and the earlier value of a from→to at its year (由2012年的600元提高到…).
 * Points are never computed or interpolated; two sources giving different values for the same
 * year are both kept and flagged.
 */
export interface SeriesPoint {
  year: number;
  /** Where the year comes from: the sentence; the report's date (a level that names no year); or the period the sentence spans (5年来…由A提高到B: A is of 5 years before). */
  year_source: 'text' | 'report' | 'period';
  /** In the indicator's normalised unit. */
  value: number;
  /** The number as written with 万/亿 multiplied out (5040 for 每人每年5040元): for claims whose period is not stated. */
  raw_value: number;
  written: string;
  qualifier: Qualifier;
  /** level: the figure itself; previous: the earlier value of a from→to. */
  source: 'level' | 'previous';
  doc_id: string;
  published: string;
  citation: Citation;
  /** Another source gives a different value for the same year. */
  conflict: boolean;
}

export interface Series {
  /** The place the values are for (a sub-place such as 镇江市市区 has its own series). */
  place: string;
  report_place: string;
  indicator: string;
  unit: string;
  points: SeriesPoint[];
  /** Years for which sources disagree. */
  conflict_years: number[];
  /** Earlier values of a from→to whose year neither the text nor its period gives: not placed in the series. */
  undated_previous: number;
}

const round = (value: number) => Math.round(value * 100) / 100;
const magnitudeOf = (unit: string) => (unit.startsWith('亿') ? 1e8 : unit.startsWith('万') ? 1e4 : 1);

/** The year of an earlier value the sentence gives only as a period (5年来, 十年来), or null. */
export type PreviousYearOf = (figure: Figure) => number | null;

/** The earlier value of a from→to in the normalised unit: the same factor as the figure when written in the same unit. */
function previousPoint(figure: Figure, previousYearOf: PreviousYearOf): SeriesPoint | undefined {
  const previous = figure.previous;
  if (!previous || figure.normalized_value === null || figure.value === 0) return undefined;
  const year = previous.year ?? previousYearOf(figure);
  if (year === null) return undefined;
  // 由1.2万提高到3万人: written in another unit, the earlier value is not converted by guess.
  if (previous.unit !== figure.unit) return undefined;
  return {
    year,
    year_source: previous.year === null ? 'period' : 'text',
    value: round((previous.value * figure.normalized_value) / figure.value),
    raw_value: previous.value * magnitudeOf(previous.unit),
    written: `${previous.value}${previous.unit}`,
    qualifier: 'exact',
    source: 'previous',
    doc_id: figure.doc_id,
    published: figure.published,
    citation: figure.citation,
    conflict: false,
  };
}

function levelPoint(figure: Figure): SeriesPoint | undefined {
  if (figure.as_of === null || figure.normalized_value === null || figure.as_of_source === 'unknown') return undefined;
  return {
    year: figure.as_of,
    year_source: yearStated(figure) ? 'text' : 'report',
    value: figure.normalized_value,
    raw_value: figure.value * magnitudeOf(figure.unit),
    written: figure.written,
    qualifier: figure.qualifier,
    source: 'level',
    doc_id: figure.doc_id,
    published: figure.published,
    citation: figure.citation,
    conflict: false,
  };
}

/** One series per (place, indicator) from confident level figures, ordered by year. */
export function buildSeries(figures: readonly Figure[], previousYearOf: PreviousYearOf = () => null): Series[] {
  const series: Series[] = [];
  for (const group of groupBy(figures, (figure) => `${figure.place}|${figure.indicator}`).values()) {
    const first = group[0]!;
    const seen = new Set<string>();
    const points: SeriesPoint[] = [];
    let undated = 0;
    for (const figure of group) {
      const earlier = previousPoint(figure, previousYearOf);
      if (figure.previous && !earlier) undated++;
      for (const point of [earlier, levelPoint(figure)]) {
        if (!point) continue;
        // The same value for the same year in the same report (a headline repeating the body) is one point.
        const key = `${point.doc_id}|${point.year}|${point.value}`;
        if (seen.has(key)) continue;
        seen.add(key);
        points.push(point);
      }
    }
    points.sort((a, b) => a.year - b.year || Number(a.source === 'level') - Number(b.source === 'level') || a.published.localeCompare(b.published));
    const conflictYears: number[] = [];
    for (const [year, same] of groupBy(points, (point) => point.year)) {
      // 1.22亿元 and 1.2亿余元 agree; 580元 and 600元 do not.
      if (same.every((a) => same.every((b) => consistent(a, b)))) continue;
      conflictYears.push(year);
      for (const point of same) point.conflict = true;
    }
    series.push({ place: first.place, report_place: first.report_place, indicator: first.indicator, unit: first.normalized_unit, points, conflict_years: conflictYears, undated_previous: undated });
  }
  return series;
}

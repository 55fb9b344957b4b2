import type { Citation } from '../corpus/types.js';
import { isMinzhengError } from '../errors.js';
import { siblingsOf } from '../indicators/families.js';
import type { ReportLibrary } from '../library.js';
import type { SeriesPoint } from '../timeline/series.js';
import { seriesOf } from '../timeline/timeline.js';
import { checkChange } from './change-verdict.js';
import type { Claim } from './claims.js';
import { consistent, distance } from './closeness.js';

/**
 * A claim against the reports. supported: a cited value agrees (hedges read, units normalised);
 * contradicted: the reports give another value for the same place, indicator and year (or, for a
 * claim without a year, the newest one); not_found: they give none; ambiguous: sources disagree,
 * the claim matches only an older value, or the place or period cannot be told. Never supported
 * without a cited value that agrees.
 */
export type Verdict = 'supported' | 'contradicted' | 'not_found' | 'ambiguous';

export interface ReportedValue {
  value: number;
  unit: string;
  written: string;
  year: number | null;
  /** level, previous (the earlier value of a from→to), change (a stated change), computed (from two cited levels). */
  source: 'level' | 'previous' | 'change' | 'computed';
  citation: Citation;
}

export interface Check {
  verdict: Verdict;
  /** Why, in a sentence a person can check. */
  reason: string;
  claim: Claim;
  reported: ReportedValue[];
  closeness?: { difference: number; relative_difference: number | null };
}

export function reportedOf(point: SeriesPoint, unit: string): ReportedValue {
  return { value: point.value, unit, written: point.written, year: point.year, source: point.source, citation: point.citation };
}

/** The claimed value in the indicator's unit; for a standard whose period the claim does not state, both readings. */
function claimedValues(claim: Claim): number[] {
  if (claim.value !== null) return [claim.value];
  return claim.indicator.kind === 'standard' ? [claim.raw_value, Math.round((claim.raw_value / 12) * 100) / 100] : [claim.raw_value];
}

function agrees(claim: Claim, point: SeriesPoint): boolean {
  if (claim.value === null && Math.abs(point.raw_value - claim.raw_value) < 1e-9) return true;
  return claimedValues(claim).some((value) => consistent({ value, qualifier: claim.qualifier }, point));
}

/** Points of the claim's place and indicator (a 城乡统一 standard stands in for 城市/农村), with the note that says so. */
function pointsOf(library: ReportLibrary, claim: Claim, place: string, reportPlaces: Set<string>): { points: SeriesPoint[]; unit: string; note: string } {
  const kind = claim.role === 'cumulative' ? 'cumulative' : 'level';
  const own = seriesOf(library, [claim.indicator.id], reportPlaces, kind).filter((series) => series.place === place);
  if (own.length > 0) return { points: own.flatMap((series) => series.points), unit: claim.indicator.unit, note: kind === 'cumulative' ? '(多年累计数)' : '' };
  if (kind === 'cumulative') return { points: [], unit: claim.indicator.unit, note: '' };
  const fallback = library.indicators.fallbackOf(claim.indicator.id);
  const stand = fallback ? seriesOf(library, [fallback.id], reportPlaces).filter((series) => series.place === place) : [];
  if (stand.length > 0 && fallback) return { points: stand.flatMap((series) => series.points), unit: claim.indicator.unit, note: `(${fallback.note})` };
  // A statement that leaves out the report's 十年来: the total it gives is the one there is, and the answer says what it is.
  const totals = seriesOf(library, [claim.indicator.id], reportPlaces, 'cumulative').filter((series) => series.place === place);
  return { points: totals.flatMap((series) => series.points), unit: claim.indicator.unit, note: totals.length > 0 ? '(报告中是多年累计数,不是一年的数)' : '' };
}

/** "2025年8580元(折合715元/人/月)": the figure as written, and in the indicator's unit when that differs. */
function describe(point: SeriesPoint, unit: string): string {
  return `${point.year}年${asWritten(point, unit)}`;
}

function asWritten(point: SeriesPoint, unit: string): string {
  return point.raw_value === point.value ? point.written : `${point.written}(折合${point.value}${unit})`;
}

function reportPlacesOf(library: ReportLibrary, place: string): Set<string> | string {
  try {
    const base = place.endsWith('市区') ? place.slice(0, -2) : place;
    return new Set(library.places.expand([base]));
  } catch (error) {
    if (isMinzhengError(error)) return error.message;
    throw error;
  }
}

export function checkClaim(library: ReportLibrary, claim: Claim): Check {
  const base = { claim, reported: [] as ReportedValue[] };
  if (claim.place_problem) return { ...base, verdict: 'ambiguous', reason: `地方不明确:${claim.place_problem}` };
  if (!claim.place) return { ...base, verdict: 'ambiguous', reason: '语句没有指明地方,无法核对 (the statement names no place)' };
  // A total over several years (十年来累计…) is checked against the reports' totals of that kind, never against one year's level.
  if (claim.role !== 'level' && claim.role !== 'cumulative') return { ...base, verdict: 'ambiguous', reason: `语句中的数字不是现有水平(${claim.role}),不作核对` };
  const reportPlaces = reportPlacesOf(library, claim.place);
  if (typeof reportPlaces === 'string') return { ...base, verdict: 'not_found', reason: reportPlaces };
  if (claim.kind === 'change') return checkChange(library, claim, claim.place, reportPlaces);
  return checkLevel(library, claim, claim.place, reportPlaces);
}

function checkLevel(library: ReportLibrary, claim: Claim, place: string, reportPlaces: Set<string>): Check {
  const { points, unit, note } = pointsOf(library, claim, place, reportPlaces);
  const asChange = changeNote(library, claim, place, reportPlaces);
  const verdict = (v: Verdict, reason: string, shown: SeriesPoint[]): Check => {
    const closest = shown.slice().sort((a, b) => Math.abs(a.value - (claimedValues(claim)[0] ?? 0)) - Math.abs(b.value - (claimedValues(claim)[0] ?? 0)))[0];
    const closeness = closest && claim.value !== null ? distance(claim.value, closest.value) : undefined;
    const dated = shown.some((point) => point.year_source === 'report') ? ';注:原文未写年份,按报告发布时间计' : '';
    const inferred = shown.some((point) => point.year_source === 'period') ? ';注:较早数值的年份由原文"N年来"推得' : '';
    return { claim, verdict: v, reason: `${reason}${note}${dated}${inferred}${asChange}`, reported: shown.map((point) => reportedOf(point, unit)), ...(closeness ? { closeness } : {}) };
  };
  const name = `${place}${claim.indicator.name}`;
  if (points.length === 0) {
    // 许昌市低保标准700元 where the reports give 城市 and 农村 standards apart: which one is meant cannot be told.
    const siblings = siblingsOf(claim.indicator.id)
      .map((sibling) => ({ sibling, points: seriesOf(library, [sibling.id], reportPlaces).filter((series) => series.place === place).flatMap((series) => series.points) }))
      .filter((entry) => entry.points.length > 0);
    if (siblings.length > 0) {
      const newest = siblings.map(({ sibling, points: own }) => {
        const year = Math.max(...own.map((point) => point.year));
        return { sibling, shown: own.filter((point) => point.year === year) };
      });
      const listed = newest.map(({ sibling, shown }) => `${sibling.name}${shown.map((p) => describe(p, unit)).join('、')}`).join(';');
      return verdict('ambiguous', `报告没有${name},而是分别给出:${listed};请写明是哪一项`, newest.flatMap((entry) => entry.shown));
    }
    return verdict('not_found', `报告中没有${name}的数值`, []);
  }
  if (claim.year !== null) {
    const ofYear = points.filter((point) => point.year === claim.year);
    const matching = ofYear.filter((point) => agrees(claim, point));
    if (matching.length > 0 && matching.length < ofYear.length) return verdict('ambiguous', `报告对${name}${claim.year}年的数值说法不一:${ofYear.map((p) => describe(p, unit)).join(';')}`, ofYear);
    if (matching.length > 0) return verdict('supported', `报告给出${name}${claim.year}年为${matching.map((p) => asWritten(p, unit)).join('、')}`, matching);
    if (ofYear.length > 0) return verdict('contradicted', `报告给出${name}${claim.year}年为${ofYear.map((p) => asWritten(p, unit)).join('、')},不是${claim.written}`, ofYear);
    const elsewhere = points.filter((point) => agrees(claim, point));
    if (elsewhere.length > 0) return verdict('not_found', `报告没有${name}${claim.year}年的数值;${claim.written}是${elsewhere.map((p) => `${p.year}年`).join('、')}的数值`, elsewhere);
    return verdict('not_found', `报告没有${name}${claim.year}年的数值(有${[...new Set(points.map((p) => p.year))].join('、')}年的)`, points);
  }
  if (claim.previous) {
    // 由520元提高到700元 with no year: an earlier value, so any value before the newest may bear it out.
    const newestYear = Math.max(...points.map((point) => point.year));
    const earlier = points.filter((point) => point.year < newestYear && agrees(claim, point));
    if (earlier.length > 0) return verdict('supported', `报告给出${name}${earlier.map((p) => describe(p, unit)).join('、')}(较早的数值)`, earlier);
    // 由500元提高到700元 where a report says 由520元提高到700元: the same rise, another starting value.
    const paired = claim.paired_value;
    const sameRise = points.filter(
      (point) => point.source === 'previous' && paired != null && points.some((level) => level.source === 'level' && level.citation.start === point.citation.start && consistent(level, { value: paired, qualifier: 'exact' })),
    );
    if (sameRise.length > 0) return verdict('contradicted', `报告写明${name}是由${sameRise.map((p) => p.written).join('、')}提高的,不是${claim.written}`, sameRise);
    return verdict('not_found', `报告没有${name}较早为${claim.written}的记载`, points);
  }
  const newestYear = Math.max(...points.map((point) => point.year));
  const newest = points.filter((point) => point.year === newestYear);
  const matching = newest.filter((point) => agrees(claim, point));
  if (matching.length > 0 && matching.length < newest.length) return verdict('ambiguous', `报告对${name}最新(${newestYear}年)的数值说法不一:${newest.map((p) => describe(p, unit)).join(';')}`, newest);
  if (matching.length > 0) return verdict('supported', `报告给出${name}最新为${newestYear}年的${matching.map((p) => asWritten(p, unit)).join('、')}`, matching);
  const older = points.filter((point) => agrees(claim, point));
  if (older.length > 0) return verdict('ambiguous', `${claim.written}是${name}${older.map((p) => p.year).join('、')}年的数值,最新为${newest.map((p) => describe(p, unit)).join('、')};请写明年份`, [...older, ...newest]);
  return verdict('contradicted', `报告给出${name}最新为${newest.map((p) => describe(p, unit)).join('、')},不是${claim.written}`, newest);
}

/** "1486个 is what the number rose by": a level claim whose number is a stated change of the same indicator and place. */
function changeNote(library: ReportLibrary, claim: Claim, place: string, reportPlaces: Set<string>): string {
  const changes = library.changes.changesOf(new Set([claim.indicator.id]), reportPlaces, true).filter((change) => change.place === place || change.report_place === place);
  const same = changes.find((change) => Math.abs(Math.abs(change.delta) - claim.raw_value) < 1e-9 || (change.normalized_delta !== null && claim.value !== null && Math.abs(change.normalized_delta - claim.value) < 1e-9));
  return same ? `;注意:报告中「${same.written}」是变化量(${same.citation.quote}),不是水平值` : '';
}

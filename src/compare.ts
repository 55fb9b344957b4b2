import { groupBy } from './group-by.js';
import type { IndicatorBook } from './indicators/book.js';
import { siblingsOf } from './indicators/families.js';
import { resolveIndicators, type IndicatorRequest } from './indicators/resolve.js';
import type { Figure, IndicatorDef } from './indicators/types.js';
import { LEVEL_NAMES } from './places/levels.js';
import type { PlaceLevel } from './places/types.js';

/** One row of a comparison: the figure a place is best described by, and what to mind. */
export interface ComparisonRow {
  place: string;
  figure: Figure;
  notes: string[];
}

export interface Comparison {
  rows: ComparisonRow[];
  missing: string[];
}

const ROLE_NOTES: Record<string, string> = {
  plan: '计划或目标值,不是现有水平',
  partial_period: '只是一段时间(某月、某几天)的数',
  cumulative: '是多年累计的数(如十年来、“十三五”期间),不是一年的数',
  subset: '是其中一部分或一个分档/分组的数',
  gap: '是缺口或需求,不是现有数',
  computed: '是按公式测算的数,不是执行的标准',
  range: '原文是一个区间',
  allocated: '是争取到或预算安排的资金,不是本地支出或筹集的数',
  other_place: '是别处(上级或其他地方)的数,不是本地的',
};

function rank(a: Figure, b: Figure): number {
  const sure = Number(a.confidence === 'low') - Number(b.confidence === 'low');
  if (sure !== 0) return sure;
  const wholePlace = Number(a.sub_place) - Number(b.sub_place);
  if (wholePlace !== 0) return wholePlace;
  return (b.as_of ?? 0) - (a.as_of ?? 0) || b.published.localeCompare(a.published);
}

/**
 * One row per place: the figure for the whole place with the newest as_of (a sub-place's figure
 * only when nothing else exists), notes on what makes the row unsafe to compare, ranked by value.
 * `fallback` holds figures of a related indicator (城乡统一 for 城市/农村低保) used with a note.
 */
export function compareAcrossPlaces(
  places: readonly string[],
  figures: readonly Figure[],
  fallback: readonly Figure[] = [],
  fallbackNote = '',
): Comparison {
  const rows: ComparisonRow[] = [];
  const missing: string[] = [];
  const byPlace = groupBy(figures, (figure) => figure.report_place);
  const fallbackByPlace = groupBy(fallback, (figure) => figure.report_place);
  for (const place of places) {
    const own = [...(byPlace.get(place) ?? [])].sort(rank);
    const related = own.length === 0 ? [...(fallbackByPlace.get(place) ?? [])].sort(rank) : [];
    const candidates = own.length > 0 ? own : related;
    const best = candidates[0];
    if (!best) {
      missing.push(place);
      continue;
    }
    const notes: string[] = [];
    if (related.length > 0 && fallbackNote) notes.push(fallbackNote);
    if (best.sub_place) notes.push(`数值为${best.place}的数据,不是${place}全域的`);
    if (best.as_of_source === 'report') notes.push(`原文未写明年份,按报告发布时间(${best.published})计`);
    if (best.as_of_source === 'context') notes.push('本句未写年份,年份取自上文(所在段落标题或前一句)');
    if (best.normalized_value === null && best.note) notes.push(best.note);
    if (best.confidence === 'low') notes.push(`不确定的提取:${ROLE_NOTES[best.role] ?? '数值未能可靠折算'}${best.evidence ? `(依据「${best.evidence}」)` : ''}`);
    for (const older of candidates.slice(1)) {
      if (older.doc_id !== best.doc_id && older.normalized_value !== best.normalized_value) {
        notes.push(`较早的报告(${older.doc_id},${older.published})为${older.written}`);
      }
    }
    rows.push({ place, figure: best, notes });
  }
  const years = new Set(rows.map((row) => row.figure.as_of).filter((year) => year !== null));
  if (years.size > 1) {
    const span = `${Math.min(...years)}–${Math.max(...years)}`;
    for (const row of rows) row.notes.push(`各地数据年份不同(${span}),比较需谨慎`);
  }
  rows.sort((a, b) => (b.figure.normalized_value ?? -Infinity) - (a.figure.normalized_value ?? -Infinity));
  return { rows, missing };
}


/** A comparison of one indicator, and for places without it the other members of its family they do state. */
export interface IndicatorComparison {
  indicator: IndicatorDef;
  comparison: Comparison;
  /** Place → names of sibling indicators it has a value for (城市低保标准 missing, 农村低保标准 present). */
  presentInstead: Map<string, string[]>;
}

/**
 * One row per place (default: every corpus place) for an indicator, or for each member of a
 * family (低保标准 → 城乡统一, 城市, 农村; then no member stands in for another).
 */
export function compareIndicator(
  book: IndicatorBook,
  indicatorInput: string,
  places: readonly string[] = book.places.targets(undefined),
  includeUncertain = false,
): { request: IndicatorRequest; parts: IndicatorComparison[] } {
  const request = resolveIndicators(indicatorInput);
  const parts = request.members.map((indicator) => {
    const fallback = request.family ? undefined : book.fallbackOf(indicator.id);
    const related = fallback ? book.figuresOf(fallback.id, includeUncertain) : [];
    const comparison = compareAcrossPlaces(places, book.figuresOf(indicator.id, includeUncertain), related, fallback?.note);
    noteMixedLevels(comparison, (name) => book.places.levelOf(name));
    // What a place without the figure has instead: another member of the family, or only a total over several years.
    const presentInstead = new Map<string, string[]>();
    const totals = book.figuresOf(indicator.id, true).filter((figure) => figure.role === 'cumulative');
    for (const place of comparison.missing) {
      const present = siblingsOf(indicator.id).filter((sibling) => book.figuresOf(sibling.id, includeUncertain).some((figure) => figure.report_place === place));
      const own = totals.filter((figure) => figure.report_place === place).map((figure) => `多年累计数${figure.written}(${figure.evidence ?? '累计'},不与一年的数比较)`);
      if (present.length > 0 || own.length > 0) presentInstead.set(place, [...present.map((sibling) => sibling.name), ...own]);
    }
    return { indicator, comparison, presentInstead };
  });
  return { request, parts };
}

/** Rows of places at different levels (a city beside a county) say so: their figures differ in kind. */
function noteMixedLevels(comparison: Comparison, levelOf: (name: string) => PlaceLevel | undefined): void {
  const levels = new Map(comparison.rows.map((row) => [row.place, levelOf(row.place)]));
  const distinct = new Set([...levels.values()].filter((level) => level !== undefined));
  if (distinct.size < 2) return;
  for (const row of comparison.rows) {
    const level = levels.get(row.place);
    if (level) row.notes.push(`比较对象行政级别不同(本行为${LEVEL_NAMES[level]},另有${[...distinct].filter((l) => l !== level).map((l) => LEVEL_NAMES[l]).join('、')})`);
  }
}

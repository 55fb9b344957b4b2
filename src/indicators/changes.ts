import type { Citation, Passage, Report } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import type { Places } from '../places/places.js';
import { simplify } from '../text/simplify.js';
import { changePeriodOf } from './change-period.js';
import { subjectsOfChanges } from './change-subjects.js';
import { periodOf, subPlaceIn } from './context.js';
import { levelsOf } from './levels.js';
import { normalize } from './normalize.js';
import { findQuantities, type Quantity } from './quantities.js';
import { roleOf, type FigureRole } from './roles.js';
import { clauseAt, strongSpanAt } from './sentence.js';
import type { IndicatorDef, Qualifier } from './types.js';

/**
 * Changes as figures of their own: "提高50元", "增长9.9%", "新增床位481张", "较上年增加20%". The
 * level stages (levels.ts) decide which numbers are changes and hand them over; here each gets its
 * indicator (change-subjects.ts), its sign, its measure, the period it covers (change-period.ts)
 * and a citation. A change is never a level: it has `delta`, not `value`.
 */

/** amount: in the unit written (元, 张, 万元); percent: relative; percentage_points: 个百分点; times: 增长N倍 (new = (N+1) × old). */
export type ChangeMeasure = 'amount' | 'percent' | 'percentage_points' | 'times';

export interface ChangeFigure {
  kind: 'change';
  indicator: string;
  place: string;
  sub_place: boolean;
  report_place: string;
  doc_id: string;
  published: string;
  /** Signed as the text means it (减少/下降 negative), as written before 万/亿. */
  delta: number;
  /** As written: 元, 万人, %, 倍, 百分点. */
  unit: string;
  measure: ChangeMeasure;
  written: string;
  /** An amount in the indicator's unit (a yearly standard's rise ÷ 12); null for relative changes or an unknown period. */
  normalized_delta: number | null;
  normalized_unit: string;
  qualifier: Qualifier;
  /** The years the change spans, when the text says (比2012年 → 2012; 较上年 → as_of − 1). */
  period_from: number | null;
  period_to: number | null;
  /** 年均增幅: an average per year over the period. */
  annual_average: boolean;
  as_of: number | null;
  /** level: the change took place; plan (将提高), subset (a kind or tier), … as for levels. */
  role: FigureRole;
  confidence: 'high' | 'low';
  evidence?: string;
  note?: string;
  citation: Citation;
}

const DECREASE = /(减少|下降|降低|下调|清退|减)(了|达到?|为)?[约近逾]?$/;
const POINTS_AFTER = /^\s*百分点/;

interface ChangeContext {
  report: Report;
  year: number | null;
  places: Places;
}

function measureOf(sentence: string, quantity: Quantity): { measure: ChangeMeasure; unit: string; end: number } {
  if (quantity.baseUnit === '个' && POINTS_AFTER.test(sentence.slice(quantity.end))) {
    const end = quantity.end + (POINTS_AFTER.exec(sentence.slice(quantity.end))?.[0].length ?? 0);
    return { measure: 'percentage_points', unit: '百分点', end };
  }
  if (quantity.baseUnit === '%') return { measure: 'percent', unit: '%', end: quantity.end };
  if (quantity.baseUnit === '倍') return { measure: 'times', unit: '倍', end: quantity.end };
  return { measure: 'amount', unit: quantity.unit, end: quantity.end };
}

/** Runs of changes joined by 和/、/及 in one clause: 164%和230%, 120元、252元、612元. */
function runsOf(sentence: string, changes: readonly Quantity[]): Quantity[][] {
  const runs: Quantity[][] = [];
  for (const quantity of changes) {
    const run = runs.at(-1);
    const last = run?.at(-1);
    if (run && last && last.baseUnit === quantity.baseUnit && /^[\u4e00-\u9fff]{0,8}[和、及]$|^[、和及]$/.test(sentence.slice(last.end, quantity.start))) run.push(quantity);
    else runs.push([quantity]);
  }
  return runs;
}

function toChange(sentence: string, passage: Passage, context: ChangeContext, quantity: Quantity, indicator: IndicatorDef, subjectStart: number): ChangeFigure | undefined {
  const role = roleOf(sentence, quantity, context.year);
  if (role.role === 'average' || role.role === 'range') return undefined;
  const clause = clauseAt(sentence, quantity.numberStart);
  const strong = strongSpanAt(sentence, quantity.numberStart);
  const { measure, unit, end } = measureOf(sentence, quantity);
  const quoteStart = Math.min(clauseAt(sentence, subjectStart).start, clause.start);
  const quoteEnd = Math.max(end, clause.end);
  const lead = sentence.slice(clause.start, quantity.start);
  const sign = DECREASE.test(lead) ? -1 : 1;
  const period = changePeriodOf(sentence, strong.start, clause.start, quantity.start, context.year);
  const standardPeriod = indicator.kind === 'standard' ? periodOf(sentence, quoteStart, quantity.numberStart, quoteEnd) : undefined;
  const sameUnit = measure === 'amount' && indicator.kind !== 'rate';
  const normalized: { value: number | null; note?: string } = sameUnit ? normalize(indicator, quantity, standardPeriod) : { value: null };
  const { meta } = context.report;
  const subPlace = subPlaceIn(sentence.slice(quoteStart, quantity.start), meta, context.places);
  const notes: string[] = [];
  if (normalized.value !== null && normalized.note) notes.push(normalized.note);
  if (measure === 'percent' && indicator.kind === 'rate') notes.push('原文写作%,对比率指标可能指百分点,也可能指相对增幅');
  if (measure === 'times') notes.push(`增长${quantity.value}倍:现值约为原值的${Math.round((quantity.value + 1) * 100) / 100}倍`);
  if (period.annualAverage) notes.push('年均变化,不是整个期间的变化');
  const figure: ChangeFigure = {
    kind: 'change',
    indicator: indicator.id,
    place: subPlace ?? meta.place,
    sub_place: subPlace !== undefined,
    report_place: meta.place,
    doc_id: meta.doc_id,
    published: meta.published,
    delta: sign * quantity.value,
    unit,
    measure,
    written: sentence.slice(quantity.start, end),
    normalized_delta: normalized.value === null ? null : sign * normalized.value,
    normalized_unit: measure === 'amount' ? indicator.unit : unit,
    qualifier: quantity.qualifier,
    period_from: period.from,
    period_to: period.to,
    annual_average: period.annualAverage,
    as_of: period.to,
    role: role.role,
    confidence: role.role === 'level' ? 'high' : 'low',
    ...(role.evidence ? { evidence: role.evidence } : period.basis ? { evidence: period.basis } : {}),
    citation: { doc_id: meta.doc_id, start: passage.start + quoteStart, end: passage.start + quoteEnd, quote: sentence.slice(quoteStart, quoteEnd) },
  };
  if (notes.length > 0) figure.note = notes.join(';');
  return figure;
}

/** Several different changes of one indicator, place and period in one sentence are tiers (全自理、半护理、全护理), not the place's change. */
function markTiers(changes: ChangeFigure[]): void {
  for (const group of groupBy(changes, (c) => `${c.indicator}|${c.place}|${c.period_from}|${c.period_to}|${c.measure}`).values()) {
    if (new Set(group.map((c) => c.delta)).size < 2) continue;
    for (const change of group) {
      change.role = 'subset';
      change.confidence = 'low';
      change.evidence = '同一句中同一指标有多个变化值(分档或分组)';
    }
  }
}

/**
 * Words without which a sentence states no change (levels.ts's verbs of change and additions): most
 * sentences lack them and are not read further.
 */
const MAY_CHANGE = /提高|增加|增长|减少|下降|提升|上调|降低|下调|增幅|涨幅|上涨|清退|新增|新建|新成立|新登记|新\(|新（|今年|本年|当年|全年|年内|半年|首批/;

/** The changes in one sentence-sized passage. */
export function changesInPassage(passage: Passage, context: ChangeContext): ChangeFigure[] {
  const sentence = passage.text;
  if (sentence.includes('|') || !/\d/.test(sentence) || !MAY_CHANGE.test(sentence)) return []; // statistics table rows hold levels
  const found: Quantity[] = [];
  levelsOf(sentence, findQuantities(sentence), context.year, found);
  const changes: ChangeFigure[] = [];
  for (const run of runsOf(sentence, found)) {
    const relative = ['%', '倍'].includes(run[0]!.baseUnit) || measureOf(sentence, run[0]!).measure === 'percentage_points';
    const subjects = subjectsOfChanges(sentence, run, relative);
    subjects.forEach((list, i) => {
      const quantity = run[Math.min(i, run.length - 1)]!;
      for (const subject of list) {
        const change = toChange(sentence, passage, context, quantity, subject.indicator, subject.subjectStart);
        if (change) changes.push(change);
      }
    });
  }
  markTiers(changes);
  return changes;
}

/** The changes of a report, read in simplified characters and quoted as published. */
export function extractChanges(report: Report, passages: readonly Passage[], places: Places, simplified = simplify(report.text)): ChangeFigure[] {
  const year = /^(\d{4})/.exec(report.meta.published)?.[1];
  const context: ChangeContext = { report, year: year ? Number(year) : null, places };
  const changes = passages.flatMap((passage) => changesInPassage(simplified === report.text ? passage : { ...passage, text: simplified.slice(passage.start, passage.end) }, context));
  if (simplified !== report.text) {
    for (const change of changes) {
      change.citation.quote = report.text.slice(change.citation.start, change.citation.end);
      const at = simplified.indexOf(change.written, change.citation.start);
      if (at >= 0) change.written = report.text.slice(at, at + change.written.length);
    }
  }
  return changes;
}

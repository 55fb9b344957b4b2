import type { Passage, Report } from '../corpus/types.js';
import type { Places } from '../places/places.js';
import { simplify } from '../text/simplify.js';
import { CATALOGUE } from './catalogue.js';
import { periodOf, subPlaceIn, yearBefore } from './context.js';
import { normalize } from './normalize.js';
import { findQuantities, type Quantity } from './quantities.js';
import { roleOf, type RoleFinding } from './roles.js';
import { indicatorOfLabel, readTableRow } from './table-rows.js';
import { clauseAt, itemAt, previousClause, strongSpanAt, type Span } from './sentence.js';
import type { Figure, IndicatorDef } from './types.js';

/** A verb right before a number makes it a change ("提高50元"), not a level. */
const CHANGE_VERB = /(提高|增加|增长|减少|下降|提升|上调|降低|增幅|增幅为|增幅达|增长率为|增长率|涨幅|上涨|同比增长|同比增加)(了|达到?|为)?$/;
/** Words in a clause that make its figures additions over a period. */
const ADDITION = /新增|新建|新成立|新登记|新\(改扩\)建|新（改扩）建/;
/** Per-unit requirements, ratios and shares are not a place's totals. */
const PER_UNIT = /每个|每所|每家|每户|每次|每百户|每万人|每千|平均每|占比|比例|最高不超过|不超过|占[\u4e00-\u9fff]{0,8}(总|比)/;
/** A figure that describes the thing after it: "480张床位的…中心". */
const ATTRIBUTIVE = /^[\u4e00-\u9fff]{0,4}的/;
/** 由/从 A … 提高到/至 B. */
const FROM_TO = /(由|从)([^。；;！？]{0,80}?)((提高|增加|提升|上调|调整|增长)?(到|至)|(提高|提升|上调|调整)为)/g;
const PER_PERSON = /每人|\/人|标准|补贴|年保障|生活费/;
const BOTH = /均为?$/;
/** A clause that names no subject of its own: it opens with the from→to, the verb, or a bare 标准. */
const CONTINUES_TOPIC = /^(由|从|即|并|再|提高|调整|上调|达到|增加|(保障|供养|生活|补助)?标准)/;
const GENERIC_FUNDS = /^(十年来|五年来|近年来)?(累计|共)?(发放|投入|支出|下拨)(各类)?资金$/;

interface Level {
  quantity: Quantity;
  previous?: Quantity;
  role: RoleFinding;
  /** Set when a 分别/均 construction already decided the indicator. */
  indicator?: IndicatorDef;
  subjectStart?: number;
}

export interface ReportContext {
  report: Report;
  year: number | null;
  places: Places;
}

export function kindAccepts(indicator: IndicatorDef, quantity: Quantity, clause: string): boolean {
  switch (indicator.kind) {
    case 'standard':
      return quantity.baseUnit.startsWith('元') && quantity.magnitude === 1 && (/[月年]/.test(quantity.baseUnit) || PER_PERSON.test(clause));
    case 'money':
      return quantity.baseUnit === '元' && (quantity.magnitude > 1 || !/每人/.test(clause));
    case 'count':
      return (indicator.counters ?? []).includes(quantity.baseUnit) && (quantity.baseUnit !== '' || quantity.magnitude > 1);
    case 'rate':
      return quantity.baseUnit === '%';
  }
}

/** Splits a sentence's quantities into changes (dropped) and levels, pairing from → to. */
function levelsOf(sentence: string, quantities: readonly Quantity[], reportYear: number | null): Level[] {
  const previousOf = new Map<Quantity, Quantity>();
  const isPrevious = new Set<Quantity>();
  for (const match of sentence.matchAll(FROM_TO)) {
    const fromAt = match.index ?? 0;
    const toAt = fromAt + match[0].length;
    const strong = strongSpanAt(sentence, toAt);
    const before = quantities.filter((q) => q.start > fromAt && q.end <= toAt);
    const after = listAfter(sentence, quantities, toAt, strong.end, before[0]);
    if (before.length === 0 || after.length === 0) continue;
    const targets = before.length === 1 ? after : after.slice(0, before.length);
    targets.forEach((target, i) => previousOf.set(target, before[Math.min(i, before.length - 1)]!));
    before.forEach((q) => isPrevious.add(q));
  }
  const levels: Level[] = [];
  let lastWasChange = false;
  let lastEnd = -1;
  for (const quantity of quantities) {
    const clause = clauseAt(sentence, quantity.numberStart);
    const lead = sentence.slice(clause.start, quantity.start);
    const joinedToLast = lastEnd >= 0 && /^[\u4e00-\u9fff]{0,8}[和、及]$/.test(sentence.slice(lastEnd, quantity.start));
    const change: boolean = CHANGE_VERB.test(lead) || ADDITION.test(lead) || (lastWasChange && joinedToLast);
    lastWasChange = change;
    lastEnd = quantity.end;
    if (change || isPrevious.has(quantity)) continue;
    if (PER_UNIT.test(sentence.slice(clause.start, clause.end))) continue;
    if (!quantity.baseUnit.startsWith('元') && ATTRIBUTIVE.test(sentence.slice(quantity.end))) continue;
    if (SAME_FIGURE_AGAIN.test(sentence.slice(lastLevelEnd(levels), quantity.start)) && levels.at(-1)?.quantity.baseUnit.startsWith('元') && quantity.baseUnit.startsWith('元')) continue;
    const role = roleOf(sentence, quantity, reportYear);
    if (role.role === 'average') continue;
    levels.push({ quantity, previous: previousOf.get(quantity), role });
  }
  inheritHedges(sentence, levels);
  return levels;
}

/** "每人每月550元(6600元/年)": the bracketed amount restates the figure before it in another period. */
const SAME_FIGURE_AGAIN = /^\s*[(（]\s*(月人均|年人均|即|合)?$/;

function lastLevelEnd(levels: readonly Level[]): number {
  return levels.at(-1)?.quantity.end ?? 0;
}

/** The values listed right after 到/至: "81.5元、87元", "每人每月720元、每人每年6000元". */
function listAfter(sentence: string, quantities: readonly Quantity[], from: number, to: number, like: Quantity | undefined): Quantity[] {
  if (!like) return [];
  const list: Quantity[] = [];
  for (const quantity of quantities) {
    if (quantity.start < from || quantity.end > to) continue;
    if (quantity.baseUnit !== like.baseUnit || quantity.magnitude !== like.magnitude) break;
    const gap = sentence.slice(list.length === 0 ? from : list[list.length - 1]!.end, quantity.start);
    const joined = list.length === 0 ? /^[\u4e00-\u9fff\d]{0,12}$/.test(gap) : /^[、和及]?(每人每[月年])?$/.test(gap);
    if (!joined) break;
    list.push(quantity);
  }
  return list;
}

/** "约2.65万困难残疾人和2.25万重度残疾人": the hedge covers both numbers. */
function inheritHedges(sentence: string, levels: Level[]): void {
  for (let i = 1; i < levels.length; i++) {
    const [previous, current] = [levels[i - 1]!.quantity, levels[i]!.quantity];
    const between = sentence.slice(previous.end, current.start);
    if (current.qualifier === 'exact' && previous.qualifier !== 'exact' && /^[\u4e00-\u9fff]{1,8}[和及]$/.test(between)) {
      levels[i] = { ...levels[i]!, quantity: { ...current, qualifier: previous.qualifier } };
    }
  }
}

/** "城乡低保标准的1.3倍": a standard named as the base of a multiple is a reference, not the subject. */
const MULTIPLE_OF = /[\u4e00-\u9fff]{0,14}的\d+(\.\d+)?倍/g;

/** The indicator an enumeration item names (城乡低保 names two: urban and rural); the earliest wins. */
function indicatorsOfItem(written: string, sentence: string): IndicatorDef[] {
  const item = written.replace(MULTIPLE_OF, (match) => ' '.repeat(match.length));
  const dibao = /城乡(居民)?(低保|最低生活保障)/.exec(item);
  const tekun = /城乡特困/.exec(item);
  const first = [dibao, tekun].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  const urbanRural = first === dibao && dibao ? ['dibao_urban', 'dibao_rural'] : first === tekun && tekun ? ['tekun_urban', 'tekun_rural'] : undefined;
  if (urbanRural) return urbanRural.map((id) => CATALOGUE.find((def) => def.id === id)!);
  const candidates = CATALOGUE.filter(
    (def) => def.kind === 'standard' && def.subject.test(item) && !(def.exclude?.test(item) ?? false) && (def.context?.test(sentence) ?? true),
  );
  const best = candidates.sort((a, b) => (b.subject.exec(item)?.[0].length ?? 0) - (a.subject.exec(item)?.[0].length ?? 0))[0];
  return best ? [best] : [];
}

/** 分别 (respectively) and 均 (both): one figure per named standard, in order. */
function assignRespectively(sentence: string, levels: Level[]): void {
  for (const match of sentence.matchAll(/分别/g)) {
    const at = match.index ?? 0;
    const ownClause = clauseAt(sentence, at);
    let subjectSpan: Span = { start: ownClause.start, end: at };
    let subjects = subjectsIn(sentence, subjectSpan);
    if (subjects.length < 2) {
      const previous = previousClause(sentence, ownClause.start);
      if (previous) {
        subjectSpan = previous;
        subjects = subjectsIn(sentence, previous);
      }
    }
    if (subjects.length < 2) continue;
    const strong = strongSpanAt(sentence, at);
    const targets = levels.filter((l) => !l.indicator && l.quantity.start > at && l.quantity.end <= strong.end && l.quantity.baseUnit.startsWith('元')).slice(0, subjects.length);
    if (targets.length !== subjects.length) continue;
    targets.forEach((level, i) => {
      level.indicator = subjects[i];
      level.subjectStart = subjectSpan.start;
    });
  }
  for (const level of levels) {
    if (level.indicator || !BOTH.test(sentence.slice(0, level.quantity.start))) continue;
    const subjects = subjectsIn(sentence, { start: 0, end: level.quantity.start });
    const unique = [...new Map(subjects.map((s) => [s.id, s])).values()];
    if (unique.length < 2) continue;
    level.indicator = unique[0];
    level.subjectStart = 0;
    for (const extra of unique.slice(1)) levels.push({ ...level, indicator: extra });
  }
}

function subjectsIn(sentence: string, span: Span): IndicatorDef[] {
  const text = sentence.slice(span.start, span.end).replace(/^(将|把|对)/, '');
  return text.split(/[、和及]/).flatMap((item) => indicatorsOfItem(item, sentence));
}

interface Candidate {
  indicator: IndicatorDef;
  distance: number;
  subjectStart: number;
}

/** The indicator named nearest to a level in its item, clause or (for totals) the clause before. */
function assignBySubject(sentence: string, level: Level): Candidate | undefined {
  const { quantity } = level;
  const clause = clauseAt(sentence, quantity.numberStart);
  const item = itemAt(sentence, quantity.numberStart);
  const clauseText = sentence.slice(clause.start, clause.end);
  const scopes: Span[] = [item, clause];
  const strong = strongSpanAt(sentence, quantity.numberStart);
  const previous = clause.start > strong.start ? { start: strong.start, end: clause.start } : undefined;
  // "…两项补贴…, 累计发放资金1.22亿元": generic money clauses take the sentence's topic.
  if (previous && GENERIC_FUNDS.test(sentence.slice(clause.start, quantity.start))) scopes.push(previous);
  // "…农村低保标准, 由每人每年2900元提高到2960元": a clause that opens with the change carries on the topic before it.
  else if (previous && CONTINUES_TOPIC.test(sentence.slice(clause.start, quantity.start))) scopes.push(previous);
  const countsFollowingNoun = /^[\u4e00-\u9fff]/.test(sentence.slice(quantity.end));
  for (const scope of scopes) {
    const candidates: Candidate[] = [];
    for (const indicator of CATALOGUE) {
      if (!kindAccepts(indicator, quantity, clauseText)) continue;
      if (indicator.context && !indicator.context.test(sentence)) continue;
      if (indicator.sentenceExclude?.test(sentence)) continue;
      if (indicator.exclude?.test(sentence.slice(item.start, item.end))) continue;
      if (indicator.clauseExclude?.test(clauseText)) continue;
      const candidate = nearestSubject(sentence, indicator, scope, quantity, scope === previous, countsFollowingNoun);
      if (candidate) candidates.push(candidate);
    }
    const best = candidates.sort((a, b) => a.distance - b.distance || b.indicator.subject.source.length - a.indicator.subject.source.length)[0];
    if (best) return best;
  }
  return undefined;
}

const AFTER_WINDOW = 12;

/** What may stand between a count and the noun it counts: "14个乡镇(街道)社工站", not a verb. */
/** "…低保标准的1.5倍", "…低保标准确定": a standard named as the base of another is a reference, not the subject. */
const REFERENCE_AFTER = /^[\u4e00-\u9fff]{0,4}的\d+(\.\d+)?(-\d+(\.\d+)?)?倍/;
const NOUN_MODIFIER = /^[\u4e00-\u9fff()（）]{0,12}$/;
const VERBISH = /已|建|完成|全部|实现|开展|为|是|达|有/;

/**
 * The subject of `indicator` nearest to a quantity. A counter followed by a noun counts that noun
 * ("19个方面"), so then only a subject right after it may claim the figure. In the clause before,
 * the sentence's topic (the earliest subject) wins.
 */
function nearestSubject(
  sentence: string,
  indicator: IndicatorDef,
  scope: Span,
  quantity: Quantity,
  topicOnly: boolean,
  countsFollowingNoun: boolean,
): Candidate | undefined {
  const pattern = new RegExp(indicator.subject.source, 'g');
  let best: Candidate | undefined;
  const text = sentence.slice(scope.start, scope.end);
  for (const match of text.matchAll(pattern)) {
    const start = scope.start + (match.index ?? 0);
    const end = start + match[0].length;
    if (REFERENCE_AFTER.test(sentence.slice(end, end + 12))) continue;
    let distance: number | undefined;
    const between = sentence.slice(quantity.end, start);
    if (topicOnly) distance = 1000 + start;
    else if (end <= quantity.start && !countsFollowingNoun) distance = quantity.start - end;
    else if (start >= quantity.end && between.length <= AFTER_WINDOW && NOUN_MODIFIER.test(between) && !VERBISH.test(between)) {
      distance = between.length * 1.5;
    }
    if (distance !== undefined && (!best || distance < best.distance)) best = { indicator, distance, subjectStart: Math.min(start, quantity.start) };
  }
  return best;
}

function toFigure(sentence: string, passage: Passage, context: ReportContext, level: Level, indicator: IndicatorDef, subjectStart: number): Figure {
  const { quantity, previous } = level;
  const { meta } = context.report;
  const clause = clauseAt(sentence, quantity.numberStart);
  const quoteStart = Math.min(subjectStart, clause.start);
  const quoteEnd = Math.max(quantity.end, clause.end);
  const period = indicator.kind === 'standard' ? periodOf(sentence, quoteStart, quantity.numberStart, quoteEnd) : undefined;
  const normalized = normalize(indicator, quantity, period);
  const subPlace = subPlaceIn(sentence.slice(quoteStart, quantity.start), meta, context.places);
  const textYear = yearBefore(sentence, quantity.start, previous ? previous.end : 0);
  const as_of = textYear ?? context.year;
  const figure: Figure = {
    indicator: indicator.id,
    place: subPlace ?? meta.place,
    sub_place: subPlace !== undefined,
    report_place: meta.place,
    doc_id: meta.doc_id,
    published: meta.published,
    value: quantity.value,
    unit: quantity.unit,
    written: sentence.slice(quantity.start, quantity.end),
    normalized_value: normalized.value,
    normalized_unit: indicator.unit,
    qualifier: quantity.qualifier,
    as_of,
    as_of_source: textYear !== null ? 'text' : context.year !== null ? 'report' : 'unknown',
    role: level.role.role,
    confidence: level.role.role === 'level' && normalized.value !== null ? 'high' : 'low',
    ...(level.role.evidence ? { evidence: level.role.evidence } : {}),
    citation: {
      doc_id: meta.doc_id,
      start: passage.start + quoteStart,
      end: passage.start + quoteEnd,
      quote: sentence.slice(quoteStart, quoteEnd),
    },
  };
  if (previous) figure.previous = { value: previous.value, unit: previous.unit, year: yearBefore(sentence, previous.start) };
  if (normalized.note) figure.note = normalized.note;
  return figure;
}

/** Figures in one sentence-sized passage of a report. */
/** After 其中, a figure of an indicator already given in the sentence is a part of it (a town's, a group's). */
function markParts(sentence: string, figures: Figure[], passage: Passage): void {
  for (const match of sentence.matchAll(/其中/g)) {
    const at = passage.start + (match.index ?? 0);
    const whole = new Set(figures.filter((f) => f.citation.start < at && f.role === 'level').map((f) => f.indicator));
    for (const figure of figures) {
      if (figure.citation.end > at && figure.citation.start + figure.citation.quote.indexOf(figure.written) > at && whole.has(figure.indicator) && figure.role === 'level') {
        figure.role = 'subset';
        figure.confidence = 'low';
        figure.evidence = '其中';
      }
    }
  }
}

/** A statistics table row: its label is the subject, its unit cell the unit. */
function figureOfTableRow(passage: Passage, context: ReportContext): Figure[] | undefined {
  const row = readTableRow(passage);
  if (!row) return undefined;
  const indicator = indicatorOfLabel(row.label, (def) => kindAccepts(def, row.quantity, row.label));
  if (!indicator) return [];
  const level: Level = { quantity: row.quantity, role: roleOf(row.label, { ...row.quantity, start: row.label.length, numberStart: row.label.length, end: row.label.length }, context.year) };
  return [toFigure(passage.text, passage, context, level, indicator, 0)];
}

/**
 * A place has one value of an indicator at a time: several values of the same indicator and year
 * in one sentence for the same place are tiers or groups (各区…、两县…; 一级…、二级…), not its level.
 */
function markTiers(figures: Figure[]): void {
  const groups = new Map<string, Figure[]>();
  for (const figure of figures) {
    if (figure.role !== 'level') continue;
    const key = `${figure.indicator}|${figure.place}|${figure.as_of}`;
    groups.set(key, [...(groups.get(key) ?? []), figure]);
  }
  for (const group of groups.values()) {
    if (new Set(group.map((figure) => figure.normalized_value)).size < 2) continue;
    for (const figure of group) {
      figure.role = 'subset';
      figure.confidence = 'low';
      figure.evidence = '同一句中同一指标有多个数值(分档或分组)';
    }
  }
}

export function extractFromPassage(passage: Passage, context: ReportContext): Figure[] {
  const fromTable = figureOfTableRow(passage, context);
  if (fromTable) return fromTable;
  const sentence = passage.text;
  const levels = levelsOf(sentence, findQuantities(sentence), context.year);
  assignRespectively(sentence, levels);
  const figures: Figure[] = [];
  for (const level of levels) {
    const assigned = level.indicator
      ? { indicator: level.indicator, subjectStart: level.subjectStart ?? 0 }
      : assignBySubject(sentence, level);
    if (assigned) figures.push(toFigure(sentence, passage, context, level, assigned.indicator, assigned.subjectStart));
  }
  markParts(sentence, figures, passage);
  markTiers(figures);
  return figures;
}

/**
 * Figures of a report. A report in traditional characters is read in simplified ones of the same
 * length (text/simplify.ts); its quotes and written figures are then taken from the original.
 */
export function extractFigures(report: Report, passages: readonly Passage[], places: Places): Figure[] {
  const year = /^(\d{4})/.exec(report.meta.published)?.[1];
  const context: ReportContext = { report, year: year ? Number(year) : null, places };
  const simplified = simplify(report.text);
  if (simplified === report.text) return passages.flatMap((passage) => extractFromPassage(passage, context));
  const figures = passages.flatMap((passage) => extractFromPassage({ ...passage, text: simplified.slice(passage.start, passage.end) }, context));
  for (const figure of figures) {
    const { start, end } = figure.citation;
    figure.citation.quote = report.text.slice(start, end);
    const writtenAt = simplified.indexOf(figure.written, start);
    if (writtenAt >= 0) figure.written = report.text.slice(writtenAt, writtenAt + figure.written.length);
  }
  return figures;
}

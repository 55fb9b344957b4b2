import type { Passage, Report } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import type { Places } from '../places/places.js';
import { simplify } from '../text/simplify.js';
import { markConflicts } from './consistency.js';
import { WHOLE_PLACE, partsOf, subPlaceIn } from './context.js';
import { indicatorById } from './catalogue.js';
import { demote, markOtherPlace, toFigure, valueOffset, yearStated, type ReportContext } from './figure.js';
import { levelsOf } from './levels.js';
import { dateLineAbove, headingBefore, once, sentenceBefore } from './lookarounds.js';
import { dropAllLotteries, narrowGenericMoney, unnamedMoneyIndicator } from './generic-money.js';
import { assignPlacesRespectively } from './place-lists.js';
import { lastYearIn, leadYear, yearOfHeading, yearOpeningSentence } from './years.js';
import { findQuantities } from './quantities.js';
import { assignQualifiedUnderHeading, assignRespectively } from './subject-lists.js';
import { assignBySubject } from './subjects.js';
import { figureOfTableRow, yearColumnFigures } from './table-figures.js';
import type { Figure } from './types.js';

export type { ReportContext } from './figure.js';

/**
 * Extraction in stages, each testable on a string: quantities (quantities.ts) → which are levels
 * and in what role (levels.ts, roles.ts) → the indicator they belong to (subjects.ts) → figures
 * (figure.ts); then parts and tiers within a sentence are marked here. A table row is read as one.
 */

/** Indicators whose figures a total of another indicator is made of: 救助资金…其中低保资金…、特困供养资金…. */
const PARTS_OF: Record<string, readonly string[]> = {
  assistance_funds: ['dibao_funds', 'tekun_funds', 'temporary_assistance_funds'],
};

/** A heading over next year's plans (二、2024年工作打算, 下一步工作思路): what is under it is intended, not done. */
const PLAN_SECTION = /打算|计划|思路|目标任务|工作安排|重点工作|展望|下一步/;

/**
 * 其中嘉峪关市…7200元: a named part of the place has a standard of its own, not a share of the whole's
 * (a count after it may be an institution's there: 其中某县社会福利中心床位300张).
 */
function standardOfNamedPart(figure: Figure, whole: Figure): boolean {
  return figure.sub_place && figure.place !== whole.place && indicatorById(figure.indicator)?.kind === 'standard';
}

/**
 * After 其中, a figure of an indicator already given in the sentence (or one the total is made of) is
 * a part of it, unless it is a named part of the place's own (其中某县…).
 */
function markParts(sentence: string, figures: Figure[], passage: Passage): void {
  for (const match of sentence.matchAll(/其中/g)) {
    const at = passage.start + (match.index ?? 0);
    const wholes = figures.filter((f) => f.citation.start < at && f.role === 'level');
    for (const figure of figures) {
      // 其中2019年7.16亿元、2020年10.27亿元: a breakdown by year is a series of levels, not parts.
      const whole = wholes.find((w) => (w.indicator === figure.indicator || PARTS_OF[w.indicator]?.includes(figure.indicator)) && !(yearStated(figure) && figure.as_of !== w.as_of));
      if (figure.citation.end > at && valueOffset(figure, 0) > at && whole && figure.role === 'level' && !standardOfNamedPart(figure, whole)) {
        demote(figure, '其中', 'subset');
      }
    }
  }
}

/**
 * "…筹集福彩公益金11.2亿元。其中,市级留存公益金4.1亿元": a sentence that opens with 其中 goes on
 * from the one before: its figures of an indicator given there are parts, as after 其中 inside one.
 */
function markPartsAfterSentence(passages: readonly Passage[], figures: readonly Figure[][]): void {
  for (let i = 1; i < passages.length; i++) {
    if (!/^\s*其中/.test(passages[i]!.text)) continue;
    for (const figure of figures[i]!) {
      if (figure.role !== 'level') continue;
      const wholes = figures[i - 1]!.filter((w) => w.indicator === figure.indicator || PARTS_OF[w.indicator]?.includes(figure.indicator));
      const whole = wholes.find((w) => w.role === 'level') ?? wholes[0];
      if (!whole) continue;
      // 9月份销售彩票5.46亿元。其中,福利彩票销售3.55亿元: the part of one month's figure is one month's too.
      if (whole.role === 'level' && !standardOfNamedPart(figure, whole)) demote(figure, '其中', 'subset');
      else if (whole.role === 'partial_period' || whole.role === 'cumulative' || whole.role === 'plan') demote(figure, `其中(${whole.evidence ?? whole.role})`, whole.role);
    }
  }
}

/**
 * A part that heads a sentence's first figure (县市(含双城区)城市低保标准…, 各区…), or another place
 * (全省城市低保平均标准…), is the scope of every later clause that names no place of its own: 「县市城市低保标准提高到500元…;农村低保标准
 * 提高到3500元」. A clause that names the whole place (全市, 我县, the place's own name) ends it.
 */
function shareSentenceScope(sentence: string, passage: Passage, figures: Figure[], context: ReportContext): void {
  const ordered = [...figures].sort((a, b) => a.citation.start - b.citation.start);
  const head = ordered[0];
  if (!head?.sub_place && head?.role !== 'other_place') return;
  const headStart = head.citation.start - passage.start;
  const { meta } = context.report;
  // The place's own name as people write it (许昌 for 许昌市), from the gazetteer.
  const own = (meta.place_code ? context.places.gazetteer.byCodeOf(meta.place_code)?.short : undefined) ?? meta.place;
  for (const figure of ordered.slice(1)) {
    if (figure.sub_place || figure.role === 'other_place') continue;
    const between = sentence.slice(headStart + head.citation.quote.length, valueOffset(figure, passage.start));
    if (WHOLE_PLACE.test(between) || between.includes(own) || subPlaceIn(between, meta, context.places)) continue;
    if (head.role === 'other_place') markOtherPlace(figure, head.place);
    else {
      figure.place = head.place;
      figure.sub_place = true;
    }
  }
}

/** Names of parts that share a figure, as context.ts writes them (not 各县(市、区), the parts taken one by one). */
const SHARED_PARTS = /^[\u4e00-\u9fff]+(、[\u4e00-\u9fff]+)+$/;

/**
 * 宣州区、郎溪县…城市低保标准统一为450元 (context.ts names the parts a list shares): a standard is each
 * part's own, and the place's when the list names all its parts. A count or a sum after a list
 * (郎溪县、绩溪县共建成…120个; …各建成1所) is neither any part's nor the place's.
 */
function splitSharedParts(figures: Figure[], context: ReportContext): void {
  const { meta } = context.report;
  for (const figure of [...figures]) {
    if (!figure.sub_place || !SHARED_PARTS.test(figure.place)) continue;
    const listed = figure.place.split('、');
    if (indicatorById(figure.indicator)?.kind !== 'standard') {
      if (figure.role === 'level') demote(figure, `${figure.place}(几地合计或各自的数)`, 'subset');
      continue;
    }
    const own = meta.place_code ? context.places.gazetteer.byCodeOf(meta.place_code) : undefined;
    const parts = own ? partsOf(own, context.places.gazetteer) : [];
    if (parts.length > 0 && parts.every((unit) => listed.includes(unit.name))) {
      figure.place = meta.place;
      figure.sub_place = false;
      continue;
    }
    figure.place = listed[0]!;
    for (const place of listed.slice(1)) figures.push({ ...figure, place, citation: { ...figure.citation } });
  }
}

/**
 * "城市低保标准从2015年的420元提高到2020年的650元,农村低保标准从2550元提高到4680元": a from→to
 * that gives no years runs over the same years as the dated one before it in the sentence.
 */
function shareFromToYears(figures: Figure[]): void {
  let dated: Figure | undefined;
  for (const figure of [...figures].sort((a, b) => a.citation.start - b.citation.start)) {
    if (!figure.previous) continue;
    if (yearStated(figure) && figure.previous.year !== null) dated = figure;
    else if (dated && !yearStated(figure)) {
      figure.as_of = dated.as_of;
      figure.as_of_source = 'text';
      figure.previous.year = dated.previous!.year;
    }
  }
}

/**
 * A place has one value of an indicator at a time: several values of the same indicator and year
 * in one sentence for the same place are tiers or groups (各区…、两县…; 一级…、二级…), not its level.
 */
function markTiers(figures: Figure[]): void {
  const levels = figures.filter((figure) => figure.role === 'level');
  for (const group of groupBy(levels, (figure) => `${figure.indicator}|${figure.place}|${figure.as_of}`).values()) {
    if (new Set(group.map((figure) => figure.normalized_value)).size < 2) continue;
    for (const figure of group) {
      demote(figure, '同一句中同一指标有多个数值(分档或分组)', 'subset');
    }
  }
}

/** Figures in one sentence-sized passage of a report. */
export function extractFromPassage(passage: Passage, context: ReportContext): Figure[] {
  const fromTable = figureOfTableRow(passage, context);
  if (fromTable) return fromTable;
  const sentence = passage.text;
  const levels = levelsOf(sentence, findQuantities(sentence), context.year);
  assignRespectively(sentence, levels);
  const figures: Figure[] = [];
  let heading: string | undefined | null = null;
  const headingAbove = () => (heading === null ? (heading = headingBefore(context.searchText ?? context.report.text, passage.start)) : heading);
  assignQualifiedUnderHeading(sentence, levels, headingAbove);
  const fullText = context.searchText ?? context.report.text;
  // The year the sentence before opens with goes on to this one unless this one names a place (a new topic).
  const namesPlace = () => context.places.mentions.find(fullText.slice(passage.start, passage.end)).some((mention) => mention.form !== 'county_short');
  // 2019年,我市被确定为…试点城市。全市共有养老床位1.2万张: a year heading a sentence of history is not the next one's,
  // unless that sentence stated figures too (2017年…审批通过…1303人。全年共发放…) or this one goes on from it (全年, 其中, 同时…).
  const openingYear = () => {
    const before = sentenceBefore(fullText, passage.start);
    const year = yearOpeningSentence(before, context.year);
    const goesOn = /\d\s*(元|个|人|张|家|所|户|对|%|万|亿)/.test(before) || /^\s*(全年|年内|其中|同时|此外|另外|共|累计)/.test(sentence);
    return year !== null && goesOn && !namesPlace() ? year : null;
  };
  const carriedYear = () =>
    openingYear() ??
    yearOfHeading(headingAbove(), context.year) ??
    yearOfHeading(dateLineAbove(fullText, passage.start), context.year);
  // 由上年年人均1400元提高到1800元,…最低为2400元: a year written onto an old value dates that value only.
  const oldValues = levels.flatMap((level) => (level.previous && level.fromAt !== undefined ? [{ start: level.fromAt, end: level.previous.end }] : []));
  const around = { carried: once(carriedYear), ofSentenceBefore: once(() => lastYearIn(sentenceBefore(fullText, passage.start), context.year)), oldValues };
  for (const level of levels) {
    const assigned = level.indicator
      ? { indicator: level.indicator, subjectStart: level.subjectStart ?? 0 }
      : (assignBySubject(sentence, level, headingAbove, () => sentenceBefore(fullText, passage.start)) ?? unnamedMoneyIndicator(sentence, level));
    if (!assigned) continue;
    const figure = toFigure(sentence, passage, context, level, assigned.indicator, assigned.subjectStart, around);
    // 「…,城区为每人每月90元」: a place clause whose place is not one the gazetteer knows says nothing sure.
    if ('placeOnly' in assigned && assigned.placeOnly && !figure.sub_place && figure.role !== 'other_place') continue;
    figures.push(figure);
  }
  splitSharedParts(figures, context);
  shareSentenceScope(sentence, passage, figures, context);
  shareFromToYears(figures);
  assignPlacesRespectively(sentence, passage, figures, context);
  narrowGenericMoney(sentence, passage.start, figures);
  dropAllLotteries(sentence, passage.start, figures);
  if (figures.some((figure) => figure.role === 'level')) {
    const section = headingAbove();
    if (section && PLAN_SECTION.test(section)) for (const figure of figures.filter((f) => f.role === 'level')) demote(figure, section, 'plan');
  }
  markParts(sentence, figures, passage);
  markTiers(figures);
  return figures;
}

/**
 * Figures of a report. A report in traditional characters is read in simplified ones of the same
 * length (text/simplify.ts); its quotes and written figures are then taken from the original.
 */
export function extractFigures(report: Report, passages: readonly Passage[], places: Places, simplified = simplify(report.text)): Figure[] {
  const year = /^(\d{4})/.exec(report.meta.published)?.[1];
  const context: ReportContext = { report, year: year ? Number(year) : null, leadYear: leadYear(simplified, report.meta.published), places, searchText: simplified };
  const inText = simplified === report.text ? passages : passages.map((passage) => ({ ...passage, text: simplified.slice(passage.start, passage.end) }));
  const perPassage = inText.map((passage) => extractFromPassage(passage, context));
  markPartsAfterSentence(inText, perPassage);
  const figures = withYearColumns(perPassage.flat(), simplified, context);
  markConflicts(figures);
  if (simplified === report.text) return figures;
  for (const figure of figures) {
    const { start, end } = figure.citation;
    figure.citation.quote = report.text.slice(start, end);
    const writtenAt = simplified.indexOf(figure.written, start);
    if (writtenAt >= 0) figure.written = report.text.slice(writtenAt, writtenAt + figure.written.length);
  }
  return figures;
}


/** Figures of year-column tables replace whatever the sentence reading made of the same lines. */
function withYearColumns(figures: Figure[], text: string, context: ReportContext): Figure[] {
  const tables = yearColumnFigures(text, context);
  if (tables.length === 0) return figures;
  const inTable = (figure: Figure) => tables.some((table) => figure.citation.start < table.end && figure.citation.end > table.start);
  return [...figures.filter((figure) => !inTable(figure)), ...tables.flatMap((table) => table.figures)];
}

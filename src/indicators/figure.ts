import type { Passage, Report } from '../corpus/types.js';
import type { Places } from '../places/places.js';
import { outsidePlaceIn, periodOf, subPlaceIn } from './context.js';
import type { Level } from './levels.js';
import { normalize } from './normalize.js';
import { clauseAt, type Span } from './sentence.js';
import type { FigureRole } from './roles.js';
import type { Figure, IndicatorDef } from './types.js';
import { THAT_YEAR, effectiveYearBefore, lastYearIn, leadYearFor, saysNow, yearBefore, yearOpeningSentence, type LeadYear } from './years.js';

/** Stage 4 of extraction: a level and its indicator become a figure: period, normalised value, place, year, citation. */

export interface ReportContext {
  report: Report;
  year: number | null;
  /** The year the report's lead says its figures hold in (a review of last year, a notice of next year's standards). */
  leadYear?: LeadYear | null;
  places: Places;
  /** The report's text in simplified characters (same length), for headings above a passage. */
  searchText?: string;
}

/**
 * The year a figure's sentence gives it; else (unless it says 目前/现行) the year carried from around
 * it (the section's heading, the sentence before); null leaves the report's year.
 */
function textYearOf(sentence: string, position: number, previous: Level['previous'], context: ReportContext, isStandard: boolean, around?: YearsAround): { year: number; source: 'text' | 'context' } | null {
  const stated = yearInSentence(sentence, position, previous, context, around);
  if (stated !== null) return { year: stated, source: 'text' };
  if (saysNow(sentence.slice(0, position))) return null;
  const carried = around?.carried() ?? leadYearFor(context.leadYear, sentence, isStandard);
  return carried === null ? null : { year: carried, source: 'context' };
}

/** The year the figure's own sentence gives it: written before it, 当年, or the date its new value took effect. */
function yearInSentence(sentence: string, position: number, previous: Level['previous'], context: ReportContext, around?: YearsAround): number | null {
  const stated = yearBefore(withoutOldValues(sentence, position, around?.oldValues), position, previous ? previous.end : 0, context.year);
  if (stated !== null) return stated;
  // 我省从2014年开始实行…。当年,全省…标准分别为330元/月: 当年 is the year named just before.
  const thatYear = THAT_YEAR.test(sentence.slice(0, position)) ? lastYearIn(sentence.slice(0, position), context.year) ?? around?.ofSentenceBefore() ?? null : null;
  if (thatYear !== null) return thatYear;
  // 从2022年4月起,…从870元/月提高到910元/月: the date the new value took effect.
  const effective = previous ? effectiveYearBefore(sentence, previous.start) : null;
  if (effective !== null || !previous || yearOfPrevious(sentence, previous.start) || saysNow(sentence.slice(previous.end, position))) return effective;
  // 2023年,全市城乡低保标准由870元提高到910元: the year the sentence opens with, not the old value's, is the raise's.
  return yearOpeningSentence(sentence, context.year);
}

/**
 * 从2015年的420元, 由去年的2600元, 从2019年城市居民低保对象每人每月800元, 由当初的114元: a year
 * (or 去年, 当初) after the 从/由 of a from→to, or written onto its old value, is the old value's.
 */
const YEAR_OF_PREVIOUS = /(?:(?:从|由)[^，,。；;]{0,24}|(?:19|20)\d{2}年(?:底|末)?的?\s*(?:每人每[月年])?\s*)$/;
const A_YEAR = /(?:19|20)\d{2}年|去年|上年|上一年|前年|当初|原来|原/;

function yearOfPrevious(sentence: string, previousStart: number): boolean {
  const match = YEAR_OF_PREVIOUS.exec(sentence.slice(Math.max(0, previousStart - 30), previousStart));
  return match !== null && A_YEAR.test(match[0]);
}

/** Whether the text states the figure's year: in its own sentence or around it (not only the report's date). */
export function yearStated(figure: Figure): boolean {
  return figure.as_of_source === 'text' || figure.as_of_source === 'context';
}

/** Years from around a sentence, read only when needed: carried to it, and the last one named in the sentence before. */
export interface YearsAround {
  carried: () => number | null;
  ofSentenceBefore: () => number | null;
  /** The sentence's from→to old values, from their 由/从 (years written there are theirs). */
  oldValues?: readonly Span[];
}

/** The sentence with the old values of from→to's that end before `position` blanked out (same length). */
function withoutOldValues(sentence: string, position: number, oldValues: readonly Span[] = []): string {
  let text = sentence;
  for (const span of oldValues) {
    if (span.end > position) continue;
    text = text.slice(0, span.start) + '\u3000'.repeat(span.end - span.start) + text.slice(span.end);
  }
  return text;
}

export function toFigure(sentence: string, passage: Passage, context: ReportContext, level: Level, indicator: IndicatorDef, subjectStart: number, around?: YearsAround): Figure {
  const { quantity, previous } = level;
  const { meta } = context.report;
  const clause = clauseAt(sentence, quantity.numberStart);
  const quoteStart = Math.min(subjectStart, clause.start);
  const quoteEnd = Math.max(quantity.end, clause.end);
  const period = indicator.kind === 'standard' ? periodOf(sentence, quoteStart, quantity.numberStart, quoteEnd) : undefined;
  const normalized = normalize(indicator, quantity, period);
  const subPlace = subPlaceIn(sentence.slice(quoteStart, quantity.start), meta, context.places);
  // A total over several years (自1988年发行以来…) runs up to the report's year, not from the year its span names.
  const textYear = level.role.role === 'cumulative' && context.year !== null ? null : textYearOf(sentence, quantity.start, previous, context, indicator.kind === 'standard', around);
  const as_of = textYear?.year ?? context.year;
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
    as_of_source: textYear?.source ?? (context.year !== null ? 'report' : 'unknown'),
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
  // The province's average or a neighbour's standard in this report: another place's figure.
  const outside = figure.role === 'level' ? outsidePlaceIn(sentence.slice(quoteStart, quantity.start), meta, context.places) : undefined;
  if (outside) markOtherPlace(figure, outside);
  if (previous) figure.previous = { value: previous.value, unit: previous.unit, year: yearOfPrevious(sentence, previous.start) ? yearBefore(sentence, previous.start) : null };
  if (normalized.note) figure.note = normalized.note;
  // 城市低保平均标准: the mean of the standards of the place's parts, which may differ from any one of them.
  else if (indicator.kind === 'standard' && /平均(保障)?标准/.test(figure.citation.quote)) figure.note = '原文为平均标准(所辖各地标准的平均数)';
  return figure;
}

/** Where a figure's written value stands, counted from `from` (its sentence's start in the text; 0 for the text's own offsets). */
export function valueOffset(figure: Figure, from: number): number {
  return figure.citation.start - from + figure.citation.quote.indexOf(figure.written);
}

/** A figure kept but not confident: what it rests on, and its role when the reason is one (a part, a plan). */
export function demote(figure: Figure, evidence: string, role: FigureRole = figure.role): void {
  figure.role = role;
  figure.confidence = 'low';
  figure.evidence = evidence;
}

/** A figure of a place that is neither the report's nor inside it: kept, marked, never a level of the report's place. */
export function markOtherPlace(figure: Figure, place: string): void {
  demote(figure, place, 'other_place');
  figure.sub_place = false;
  figure.place = place;
}

import nzh from 'nzh/cn';
import type { Qualifier } from './types.js';

/** A number with its magnitude, hedge and unit as a report writes it: 约1.8万余张. */
export interface Quantity {
  /** Offsets of the whole mention (hedge to unit) in the sentence. */
  start: number;
  end: number;
  /** Offset where the digits start. */
  numberStart: number;
  value: number;
  /** 1, 1e4 (万) or 1e8 (亿). */
  magnitude: number;
  /** Unit as written, magnitude included: 亿元, 万人次, 元/人·月, 万 (none after it). */
  unit: string;
  /** Unit without magnitude: 元, 人次, 张 … ('' when none is written). */
  baseUnit: string;
  qualifier: Qualifier;
  /** Set on both ends of a range (550-660元, 351元至450元): a range is not a level. */
  range?: true;
}

const HEDGES: readonly [RegExp, Qualifier][] = [
  [/(不低于|不少于|不得低于|最低为|最低)$/, 'at_least'],
  [/(逾|超过|超)$/, 'more_than'],
  [/(近|将近|接近)$/, 'nearly'],
  [/(约|大约)$/, 'approx'],
];

/**
 * Money per period as reports write it: 元/月, 元/人月, 元/人·月, 元/人.月, 元/月/人, 元∕人年, and the
 * garbled 元人/.月; ∕ (U+2215) and / alike.
 */
const PER_PERIOD = '元\\s*(?:[/∕]\\s*(?:人\\s*[·.•/]?\\s*)?[月年](?:\\s*[/∕]\\s*人)?|人\\s*[/∕]\\s*[.·]?\\s*[月年])';

const UNITS: string[] = [
  PER_PERIOD, '元', '人次', '个', '家', '所', '张', '户', '人', '名', '对', '%', '％', '处', '条', '﹪', '件', '次', '场次', '平方米', '吨', '本', '份', '块', '岁', '倍', '项', '穴',
];
const UNIT_PATTERN = UNITS.join('|');
/**
 * Digits and decimals. In prose a comma also separates list items ("分别为760,590元" is two amounts):
 * a grouped number is read as thousands only when no list reads it as well: a first group of one or
 * two digits (6,240元; a list would not pair 6 with 240) or several groups (1,234,567).
 */
const NUMBER = '\\d+(?:\\.\\d+)?';
const GROUPED = '\\d{1,2}(?:,\\d{3})+(?:\\.\\d+)?(?![\\d,])|\\d{3}(?:,\\d{3}){2,}(?:\\.\\d+)?(?![\\d,])';
/** 余/多 may stand before the magnitude (520余万人), after it (1.8万余张) or after the unit (300人以上, 500元多). */
const QUANTITY = new RegExp(`(${GROUPED}|${NUMBER})(余|多)?(万|亿)?(余|多)?(${UNIT_PATTERN})?(余|多|以上)?`, 'gu');
/** "1,234" in prose: thousands or a list of two amounts ("760,590元")? Neither is read. */
const COMMA_GROUPED = /(?<![\d.])\d{1,3}(?:,\d{3})+(?![\d])/g;

/** Between the two ends of a range: 550-660, 351元至450元, 1～1.5倍. */
const RANGE_JOIN = /^[-~～—–至到]$/;

const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/**
 * A number written in Chinese numerals with its unit: 一万多张, 三千余人, 两万人次, 一百多万元. It
 * starts with a digit word or 十 and names a hundred or more (百千万亿), so that words such as 一次性,
 * 百家, 千家万户 are not read, nor small ones (十四个县, 三个): those are mostly the scope of a
 * sentence, not its figure. Nor is it the tail of a longer numeral or of 第.
 */
const CHINESE_QUANTITY = new RegExp(`(?<![零〇一二两三四五六七八九十百千万亿第点])([一二两三四五六七八九十][零〇一二两三四五六七八九十百千万亿]*)(余|多)?(万|亿)?(余|多)?(${UNIT_PATTERN})(余|多|以上)?`, 'gu');
const HUNDREDS = /[百千万亿]/;
const ROUGH = /[零〇一二两三四五六七八九]{2}/;

/** The value of a Chinese numeral (nzh reads 二, not 两, as two). */
function chineseValue(numeral: string): number {
  return Number(nzh.decodeS(numeral.replace(/两/g, '二')));
}

/** Every quantity in a sentence. Years (2022年) and ordinals are left out: they carry no unit. */
export function findQuantities(sentence: string): Quantity[] {
  const found: Quantity[] = [];
  if (HUNDREDS.test(sentence)) found.push(...chineseQuantities(sentence));
  const commaGroups = [...sentence.matchAll(COMMA_GROUPED)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  for (const match of sentence.matchAll(QUANTITY)) {
    const [, digits = '', , magnitudeChar, , unit] = match;
    const numberStart = match.index ?? 0;
    const previousChar = sentence[numberStart - 1] ?? '';
    if (/[\d.]/.test(previousChar)) continue;
    if (!digits.includes(',') && commaGroups.some((group) => numberStart >= group.start && numberStart < group.end)) continue;
    if (!unit && !magnitudeChar) continue;
    found.push(quantityOf(sentence, match, Number(digits.replace(/,/g, ''))));
  }
  markRanges(sentence, found);
  return found.sort((a, b) => a.start - b.start);
}

function chineseQuantities(sentence: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of sentence.matchAll(CHINESE_QUANTITY)) {
    const [, numeral = '', , magnitudeChar] = match;
    const value = chineseValue(numeral);
    // 七八千, 一两千, 一百二三十: two digit words side by side are a rough range, no figure.
    if (!(HUNDREDS.test(numeral) || magnitudeChar) || ROUGH.test(numeral) || !Number.isFinite(value) || value <= 0) continue;
    found.push(quantityOf(sentence, match, value));
  }
  return found;
}

/**
 * A quantity from a match of QUANTITY or CHINESE_QUANTITY (number, 余/多, 万/亿, 余/多, unit,
 * 余/多/以上) worth `value` before its magnitude, with the hedge written right before it (不低于, 约 …).
 */
function quantityOf(sentence: string, match: RegExpExecArray | RegExpMatchArray, value: number): Quantity {
  const [whole, , moreBeforeMagnitude, magnitudeChar, moreAfterMagnitude, unit, moreAfter] = match;
  const numberStart = match.index ?? 0;
  let start = numberStart;
  let qualifier: Qualifier = 'exact';
  const before = sentence.slice(Math.max(0, numberStart - 4), numberStart);
  for (const [pattern, hedge] of HEDGES) {
    const hedgeMatch = pattern.exec(before);
    if (hedgeMatch) {
      qualifier = hedge;
      start = numberStart - hedgeMatch[0].length;
      break;
    }
  }
  if (moreBeforeMagnitude || moreAfterMagnitude || moreAfter === '余' || moreAfter === '多') qualifier = 'about_or_more';
  if (moreAfter === '以上') qualifier = 'at_least';
  const baseUnit = unit === '％' || unit === '﹪' ? '%' : (unit ?? '').replace(/\s+/g, '');
  return {
    start,
    end: numberStart + whole.length,
    numberStart,
    value,
    magnitude: magnitudeChar ? (MAGNITUDES[magnitudeChar] ?? 1) : 1,
    unit: `${magnitudeChar ?? ''}${baseUnit}`,
    baseUnit,
    qualifier,
  };
}

/** A number, its magnitude and unit, and what joins it to a second number: the start of a range. */
const RANGE_START = new RegExp(`(${NUMBER})(?:万|亿)?(?:${UNIT_PATTERN})?\\s*([-~～—–至到])\\s*(?=\\d)`, 'gu');

function markRanges(sentence: string, found: Quantity[]): void {
  if (found.length === 0) return;
  for (const match of sentence.matchAll(RANGE_START)) {
    const firstAt = match.index ?? 0;
    if (!RANGE_JOIN.test(match[2] ?? '') || /[\d.,]/.test(sentence[firstAt - 1] ?? '')) continue;
    const secondAt = firstAt + match[0].length;
    if (/^20\d{2}年|^19\d{2}年/.test(sentence.slice(firstAt))) continue; // 2020至2023年: years, not a range of values
    for (const quantity of found) if (quantity.numberStart === firstAt || quantity.numberStart === secondAt) quantity.range = true;
  }
  // 1-1.5倍 or 550-660元: the first end is often written without a unit, so it is no quantity; the second still is a range end.
}

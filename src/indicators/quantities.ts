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
}

const HEDGES: readonly [RegExp, Qualifier][] = [
  [/(不低于|不少于)$/, 'at_least'],
  [/(逾|超过|超)$/, 'more_than'],
  [/(近|将近|接近)$/, 'nearly'],
  [/(约|大约)$/, 'approx'],
];

const UNITS = [
  '元/人·月', '元/人/月', '元/人·年', '元/人/年', '元', '人次', '个', '家', '所', '张', '户', '人', '名', '对', '%', '％', '处', '条', '件', '次', '场次', '平方米', '吨', '本', '份', '块', '岁', '倍', '项', '穴',
];
const UNIT_PATTERN = UNITS.join('|');
const QUANTITY = new RegExp(`(\\d+(?:\\.\\d+)?)(万|亿)?(余|多)?(${UNIT_PATTERN})?(余|多|以上)?`, 'gu');

const MAGNITUDES: Record<string, number> = { 万: 1e4, 亿: 1e8 };

/** Every quantity in a sentence. Years (2022年) and ordinals are left out: they carry no unit. */
export function findQuantities(sentence: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of sentence.matchAll(QUANTITY)) {
    const [whole, digits = '', magnitudeChar, moreBefore, unit, moreAfter] = match;
    const numberStart = match.index ?? 0;
    const previousChar = sentence[numberStart - 1] ?? '';
    if (/[\d.]/.test(previousChar)) continue;
    if (!unit && !magnitudeChar) continue;
    let start = numberStart;
    let qualifier: Qualifier = 'exact';
    const before = sentence.slice(Math.max(0, numberStart - 3), numberStart);
    for (const [pattern, hedge] of HEDGES) {
      const hedgeMatch = pattern.exec(before);
      if (hedgeMatch) {
        qualifier = hedge;
        start = numberStart - hedgeMatch[0].length;
        break;
      }
    }
    if (moreBefore || moreAfter === '余' || moreAfter === '多') qualifier = 'about_or_more';
    if (moreAfter === '以上') qualifier = 'at_least';
    const baseUnit = unit === '％' ? '%' : (unit ?? '');
    found.push({
      start,
      end: numberStart + whole.length,
      numberStart,
      value: Number(digits),
      magnitude: magnitudeChar ? (MAGNITUDES[magnitudeChar] ?? 1) : 1,
      unit: `${magnitudeChar ?? ''}${baseUnit}`,
      baseUnit,
      qualifier,
    });
  }
  return found;
}

import { yearBefore } from './years.js';

/**
 * The period a change covers, from the words before it: 比2012年 / 较上年 / 同比 / 在2019年的基础上 /
 * 十年来 / 从2012年的…提高至2022年的…; the end is the year the sentence states (else the report's).
 */
export interface ChangePeriod {
  from: number | null;
  to: number | null;
  /** 年均增幅: an average yearly change, not the change over the whole period. */
  annualAverage: boolean;
  /** The words the period rests on: 「比2012年」, 「较上年」, 「十年来」. */
  basis?: string;
}

const CHINESE_DIGITS: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** 5, 十, 十二: small counts of years as reports write them. */
function countOf(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === '十') return 10;
  const tens = /^([一二三四五六七八九])?十([一二三四五六七八九])?$/.exec(text);
  if (tens) return (tens[1] ? CHINESE_DIGITS[tens[1]]! : 1) * 10 + (tens[2] ? CHINESE_DIGITS[tens[2]]! : 0);
  return CHINESE_DIGITS[text] ?? null;
}

/** A base year: 比2012年, 较2012年底, 与2012年相比, 在2019年的基础上. */
const BASE_YEAR = /(?:比|较|与|同)((?:19|20)\d{2})年(?:底|末)?|在((?:19|20)\d{2})年的?基础上/g;
/** The year before: 较上年, 比去年同期, 同比. */
const LAST_YEAR = /(?:比|较|与)(?:上年|去年|上一年)|同比/g;
/** N years back: 十年来, 5年来, 过去5年, 近十年. */
const YEARS_BACK = /([\d一二两三四五六七八九十]+)年(?:来|间)|(?:过去|近)([\d一二两三四五六七八九十]+)年/g;
/** From a year to a year in the same sentence: 从2012年的…提高至2022年的. */
const FROM_YEAR_TO_YEAR = /(?:从|由)((?:19|20)\d{2})年[^。；;]*?(?:到|至)((?:19|20)\d{2})年/g;
/** From a year with no second year: 从2019年…提高至…: the change runs to the report's year or the one after 到/至. */
const FROM_YEAR = /(?:从|由)((?:19|20)\d{2})年(?!(?:\d{1,2}月)?(?:\d{1,2}日)?起)/g;
const ANNUAL_AVERAGE = /年均(?:增幅|增长|增加|提高|递增)?/;

function lastMatch(pattern: RegExp, text: string): RegExpExecArray | undefined {
  let found: RegExpExecArray | undefined;
  for (const match of text.matchAll(pattern)) found = match as RegExpExecArray;
  return found;
}

/** The period of a change at `position` in `sentence` (whose strong span starts at `spanStart`). */
export function changePeriodOf(sentence: string, spanStart: number, leadStart: number, position: number, reportYear: number | null): ChangePeriod {
  const span = sentence.slice(spanStart, position);
  const lead = sentence.slice(leadStart, position);
  const annualAverage = ANNUAL_AVERAGE.test(lead);
  const base = lastMatch(BASE_YEAR, span);
  if (base) {
    const at = spanStart + (base.index ?? 0);
    const to = yearBefore(sentence, at, spanStart) ?? reportYear;
    return { from: Number(base[1] ?? base[2]), to, annualAverage, basis: base[0] };
  }
  const fromTo = lastMatch(FROM_YEAR_TO_YEAR, span);
  if (fromTo) return { from: Number(fromTo[1]), to: Number(fromTo[2]), annualAverage, basis: fromTo[0].length > 24 ? `${fromTo[1]}年→${fromTo[2]}年` : fromTo[0] };
  const from = lastMatch(FROM_YEAR, span);
  if (from) {
    const at = spanStart + (from.index ?? 0) + from[0].length;
    return { from: Number(from[1]), to: yearBefore(sentence, position, at) ?? reportYear, annualAverage, basis: from[0] };
  }
  const to = yearBefore(sentence, position, spanStart) ?? reportYear;
  const lastYear = lastMatch(LAST_YEAR, span);
  if (lastYear) return { from: to === null ? null : to - 1, to, annualAverage, basis: lastYear[0] };
  const back = lastMatch(YEARS_BACK, sentence.slice(0, position));
  const years = back ? countOf(back[1] ?? back[2] ?? '') : null;
  if (back && years !== null && years <= 30) return { from: to === null ? null : to - years, to, annualAverage, basis: back[0] };
  return { from: null, to, annualAverage };
}

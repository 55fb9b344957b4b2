/**
 * The year a figure holds in, from the text: a year written before it in its sentence (截至2021年末,
 * 2022年的), a year named relative to the report's (去年, 今年), the date a new standard took effect
 * (从2022年4月起), and, when the sentence names none, the year that heads its section or the
 * sentence before it. A year a figure is compared with (比2018年增加) is not its year.
 */

/** What after 2019年 makes it the start or part of a span (2019年以来, 2019年起, 2019年至2023年), not a date. */
const SPAN_AFTER = '以来|起|开始|至|到|、|以前';
/** Year expressions that say when a figure holds: 截至2021年末, 2022年的, 2020至2023年 (→ 2023). */
const YEAR = new RegExp(`(?:截至|截止)?((?:19|20)\\d{2})年(?:底|末|上半年|下半年|的)?(?!${SPAN_AFTER})`, 'g');

/** Years named from the report's: 去年 is the year before it. 去年同期 is a comparison, never a date. */
const RELATIVE_YEAR = /(上一年|去年|上年|前年|今年|本年|(?<![\d年])年内)(?!同期)(以来)?/g;
const RELATIVE_OFFSET: Record<string, number> = { 上一年: -1, 去年: -1, 上年: -1, 前年: -2, 今年: 0, 本年: 0, 年内: 0 };

/** A year right after these is the base of a comparison (比2018年增加159人次, 较上年, 与2020年相比). */
const COMPARED = /(比|较|与|同)\s*$/;

/** "目前" after a year means the figure holds now, not in that year; so does 现行 (the standard in force). */
const NOW = /目前|当前|现已|现在|截至目前|现行/;

/** The last year stated before `position`, or null (also when 目前 comes after it). With the report's year, 去年/今年 count too. */
export function yearBefore(text: string, position: number, from = 0, reportYear: number | null = null): number | null {
  const span = text.slice(from, position);
  let year: number | null = null;
  let at = -1;
  let yearEnd = 0;
  const consider = (match: RegExpMatchArray, value: number) => {
    const start = match.index ?? 0;
    if (start < at || COMPARED.test(span.slice(Math.max(0, start - 2), start))) return;
    year = value;
    at = start;
    yearEnd = start + match[0].length;
  };
  for (const match of span.matchAll(YEAR)) consider(match, Number(match[1]));
  // 去年以来 is a span reaching the present, not last year; 今年以来 is this year's.
  if (reportYear !== null) for (const match of span.matchAll(RELATIVE_YEAR)) if (!(match[2] && RELATIVE_OFFSET[match[1]!]! < 0)) consider(match, reportYear + RELATIVE_OFFSET[match[1]!]!);
  return year !== null && NOW.test(span.slice(yearEnd)) ? null : year;
}

/** 从2022年4月起 / 自2021年1月1日起: the date a new value took effect, the year of the values after it. */
const TAKES_EFFECT = /((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日)?(?:起|开始)/g;

export function effectiveYearBefore(text: string, position: number): number | null {
  let year: number | null = null;
  for (const match of text.slice(0, position).matchAll(TAKES_EFFECT)) year = Number(match[1]);
  return year;
}

/** A section heading or a date line that names one year (1、2023年1-12月份低保补助落实情况: / 截至2025年12月底). */
const ONE_YEAR = /((?:19|20)\d{2})年/g;
/** A sentence that opens with its year (2017年石拐区…已完成). */
const OPENS_WITH_YEAR = new RegExp(`^\\s*(?:[一二三四五六七八九十\\d]+[、.．]\\s*)?(?:截至|截止|到)?((?:19|20)\\d{2})年(?!${SPAN_AFTER}|\\d)`);

const SPAN_YEAR = new RegExp(`(?:19|20)\\d{2}年(?:${SPAN_AFTER})`);

/** The one year a heading names, or null (none, several, a span: 2019年以来, 自2018年起; or after the report's year: a plan's). */
export function yearOfHeading(heading: string | undefined, reportYear: number | null): number | null {
  if (!heading || /以来|至今/.test(heading) || SPAN_YEAR.test(heading)) return null;
  const years = new Set([...heading.matchAll(ONE_YEAR)].map((match) => Number(match[1])));
  if (years.size !== 1) return null;
  const [year] = years;
  return reportYear !== null && year! > reportYear ? null : year!;
}

/** The year the sentence before opens with, when it is not after the report's year. */
export function yearOpeningSentence(sentence: string, reportYear: number | null): number | null {
  const match = OPENS_WITH_YEAR.exec(sentence);
  if (!match) return null;
  const year = Number(match[1]);
  return reportYear !== null && year > reportYear ? null : year;
}

/** Whether the text before a figure says it holds now (目前, 现行), so that no earlier year is carried to it. */
export function saysNow(text: string): boolean {
  return NOW.test(text);
}

/** The last year a text names (从2014年开始实行…), not a comparison's base nor one after the report's: what 当年 after it means. */
export function lastYearIn(text: string, reportYear: number | null): number | null {
  let year: number | null = null;
  for (const match of text.matchAll(ONE_YEAR)) {
    const start = match.index ?? 0;
    const value = Number(match[1]);
    if (COMPARED.test(text.slice(Math.max(0, start - 2), start)) || (reportYear !== null && value > reportYear)) continue;
    year = value;
  }
  return year;
}

/** 当年 (that year), not 当年度: the year named just before. */
export const THAT_YEAR = /当年(?!度)/;

/** How far into a report its lead runs: the title, a byline or date line, and the first paragraph. */
const LEAD_LENGTH = 400;
/** 明年1月1日起 in the lead: the standards the report announces hold from next year. */
const NEXT_YEAR_FROM = /明年\d{1,2}月(?:\d{1,2}日)?(?:起|开始)/;
/** A title naming the kind of a report on a period (2021年…统计公报, 2023年工作总结). */
const REPORT_ON_A_YEAR = /公报|年报|统计|总结|工作报告|年度报告|发展报告|工作情况/;
/** A lead that says what follows is of one year: 以下为2023年实行的低保标准, 下面是2022年…. */
const INTRODUCES_YEAR = /(?:以下|下面|下表)(?:为|是|列出)[^。；;\n]{0,8}?((?:19|20)\d{2})年(?!以来|起|至|到|\d)/;
/** A full date (2017年2月9日): when the page was printed or posted, not a year it reports on. */
const FULL_DATE = /^\d{1,2}月\d{1,2}日/;

/**
 * The year a report's figures hold in when the lead says so and their sentences do not: a notice
 * that opens 明年1月1日起… is about next year's standards; a review published in the first four
 * months of a year whose lead names only the year before (介绍了2023年…工作情况, 本报讯2013年,…) is
 * about that year; so is a bulletin or summary whose title names one earlier year (2021年浙江省民政事
 * 业发展统计公报, published in September 2022), and a page whose lead introduces what follows as one
 * year's (以下为2023年实行的低保标准). Null when the lead says none of these.
 */
export interface LeadYear {
  year: number;
  /**
   * `reviewed`: a review published early in the next year (a month or season it names without a
   * year is then this year's); `titled`: a bulletin or summary of the year its title names; `next`:
   * a notice of next year's standards (only standards a sentence raises or sets hold from it).
   */
  kind: 'reviewed' | 'titled' | 'next';
}

/** A time a sentence names without a year (1-3月, 一季度, 1月1日起, 截至3月底): in the months it is published, this year's. */
const TIME_WITHOUT_YEAR = /\d{1,2}月|[一二三四1-4]季度|上半年|下半年|前\d{1,2}个?月/;
/** A sentence that raises or sets a standard. */
const SETS_STANDARD = /将|提高|调整|上调|起/;

/** The year the lead gives a figure of `kind` in `sentence`, or null. */
export function leadYearFor(lead: LeadYear | null | undefined, sentence: string, isStandard: boolean): number | null {
  if (!lead || (lead.kind === 'reviewed' && TIME_WITHOUT_YEAR.test(sentence))) return null;
  if (lead.kind === 'next') return isStandard && SETS_STANDARD.test(sentence) ? lead.year : null;
  return lead.year;
}

export function leadYear(text: string, published: string): LeadYear | null {
  const [year, month] = [Number(published.slice(0, 4)), Number(published.slice(5, 7))];
  if (!year) return null;
  const lead = text.slice(0, LEAD_LENGTH);
  if (NEXT_YEAR_FROM.test(lead)) return { year: year + 1, kind: 'next' };
  // 以下为2023年实行的低保标准: the lead says which year what follows holds in.
  // Not when the line names another year too (以下为2019年与2023年…对比, 2015年—2023年…调整情况).
  const introduced = INTRODUCES_YEAR.exec(lead);
  const introducedLine = introduced ? lead.slice(introduced.index).split('\n')[0]! : '';
  if (introduced && Number(introduced[1]) <= year && introducedLine.match(ONE_YEAR)?.length === 1) return { year: Number(introduced[1]), kind: 'titled' };
  const title = lead.split('\n').find((line) => line.trim() !== '') ?? '';
  const titleYears = new Set([...title.matchAll(YEAR)].map((match) => Number(match[1])));
  if (title.length <= 60 && !/[。，,；;]/.test(title) && titleYears.size === 1 && REPORT_ON_A_YEAR.test(title) && !SPAN_YEAR.test(title)) {
    const [named] = titleYears;
    if (named! < year) return { year: named!, kind: 'titled' };
  }
  if (!(month >= 1 && month <= 4)) return null;
  const named = new Set<number>();
  for (const match of lead.matchAll(YEAR)) {
    const start = match.index ?? 0;
    if (COMPARED.test(lead.slice(Math.max(0, start - 2), start)) || FULL_DATE.test(lead.slice(start + 5))) continue;
    named.add(Number(match[1]));
  }
  if (/今年|本年/.test(lead)) named.add(year);
  return named.has(year - 1) && ![...named].some((value) => value >= year) ? { year: year - 1, kind: 'reviewed' } : null;
}

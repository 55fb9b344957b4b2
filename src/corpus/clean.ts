/**
 * Removes page furniture (app prompts, close buttons, comment boxes, editor credits, view
 * counters, disclosure index numbers) from a report. Pure and idempotent: the kept text is the
 * original's, line for line, so every sentence it keeps is verbatim from the source.
 *
 * Work is linear in the input: reports come from scraped pages, where one line can hold a
 * megabyte of spaces. Every pattern below is anchored at the start of the line and has no two
 * adjacent quantifiers over the same characters, so the regex engine never retries a run.
 */

/** Whole lines that are furniture, matched after trimming. */
const FURNITURE_LINES: readonly RegExp[] = [
  /^请用浏览器扫描下载$/,
  /^(打开|下载).{0,10}(APP|App|app|客户端)/,
  /^\S{2,12}客户端$/,
  /^关\s*闭$/,
  /^(编辑|校对|责编|责任编辑|终审|审核|实习编辑|初审|复审|来源|作者)\s*[:：]/,
  /^评论一下$/,
  /^评论\s*\d+\s*人参与/,
  /^还没有评论/,
  /^最(热|新)评论$/,
  /^已有\s*\d+\s*人参与/,
  /^\d+\s*阅读\s*[:：]\s*\d+$/,
  // The colon and the spaces after it form one optional group: with `\s*[:：]?\s*` a failing
  // line would be retried for every way of sharing a run of spaces between the two `\s*`.
  /^(阅读|浏览)(次数|量)?\s*(?:[:：]\s*)?\d*$/,
  /^[•·]?\s*索\s*引\s*号\s*[:：]/,
  /^[•·]?\s*(发布机构|成文日期|公开方式|主题分类|文\s*号)\s*[:：]/,
  /^发布日期\s*[:：].*(信息来源|浏览次数)/,
  /^\S{2,10}\s+\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(:\d{2})?$/,
  /^(分享到|扫一扫|打印本页|【打印】|【关闭】)/,
];

/** Credits appended to the last paragraph: "(记者 朱秋霞  通讯员 俞镇)". */
const CREDIT_OPENERS: ReadonlySet<string> = new Set(['（', '(']);
const CREDIT_CLOSERS: ReadonlySet<string> = new Set(['）', ')']);
const CREDIT_ROLES: readonly string[] = ['记者', '通讯员'];

/** A line that stops mid-sentence and continues on the next (a hard wrap in the source). */
const WRAPPED_LINE_MIN_LENGTH = 20;

/** A statistics table's header of years ("2009年 2010年  2009年 2010年") ends in 年 but wraps nothing. */
const YEARS_HEADER = /^\s*(?:(?:19|20)\d{2}年?\s+)+(?:19|20)\d{2}年?\s*$/;

/** Disclosure pages repeat their title among the first few lines only. */
const HEADING_WINDOW = 4;

export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  return FURNITURE_LINES.some((pattern) => pattern.test(trimmed));
}

export function cleanReportText(raw: string): string {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  // Only the first few non-blank kept lines can be repeated by a heading, so only they are kept
  // for comparison: rescanning everything kept so far is quadratic in the number of lines.
  const openingLines: string[] = [];
  for (const rawLine of lines) {
    const line = trimLine(rawLine);
    if (line === '') {
      kept.push('');
      continue;
    }
    if (isFurnitureLine(line)) continue;
    if (isRepeatedHeading(line, openingLines)) continue;
    const withoutCredit = stripTrailingCredit(stripPinyinGlosses(line));
    kept.push(withoutCredit);
    if (withoutCredit !== '' && openingLines.length < HEADING_WINDOW) openingLines.push(withoutCredit);
  }
  return joinParagraphs(kept);
}

/**
 * Drops trailing white space and leading indentation. trimEnd strips exactly what `\s` matches,
 * without the retry at every position that makes `/\s+$/` quadratic on a run of spaces.
 */
function trimLine(rawLine: string): string {
  return rawLine.trimEnd().replace(/^[ \t\u3000]+/, '');
}

/**
 * Some mirror sites gloss characters with their pinyin inline: 標(biāo)準(zhǔn), 農(nóng)村. The gloss, a
 * syllable with a tone mark in brackets right after a character, splits the words it sits in.
 */
const PINYIN_GLOSS = /([\u3400-\u9fff])\(([a-zü]{0,5}[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]{0,5})\)/g;

export function stripPinyinGlosses(line: string): string {
  return line.includes('(') ? line.replace(PINYIN_GLOSS, '$1') : line;
}

/** Disclosure pages print their title twice; keep the first. */
function isRepeatedHeading(line: string, openingLines: readonly string[]): boolean {
  return openingLines.length < HEADING_WINDOW && openingLines.includes(line);
}

/**
 * Removes a credit in brackets that ends the line, with the white space before it. A credit
 * holds no bracket, so its opener is the last bracket before the closing one: found by one
 * backward scan, where a `\s*(…)$` regex would rescan every run of spaces from each position.
 */
function stripTrailingCredit(line: string): string {
  const end = line.trimEnd().length;
  if (!CREDIT_CLOSERS.has(line.charAt(end - 1))) return line;
  const opener = lastBracketBefore(line, end - 1);
  if (opener < 0 || !CREDIT_OPENERS.has(line.charAt(opener))) return line;
  const isCredit = CREDIT_ROLES.some((role) => line.startsWith(role, opener + 1));
  return isCredit ? line.slice(0, opener).trimEnd() : line;
}

function lastBracketBefore(line: string, position: number): number {
  for (let i = position - 1; i >= 0; i--) {
    const char = line.charAt(i);
    if (CREDIT_OPENERS.has(char) || CREDIT_CLOSERS.has(char)) return i;
  }
  return -1;
}

/**
 * One paragraph per line; hard-wrapped lines are joined back, blank runs dropped. A paragraph is
 * collected as a list of lines: testing the end of a growing concatenated string would flatten
 * it again for every wrapped line.
 */
function joinParagraphs(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current: string[] = [];
  let currentLength = 0;
  let previousBlank = true;
  for (const line of lines) {
    if (line === '') {
      if (currentLength > 0) paragraphs.push(current.join(''));
      current = [];
      currentLength = 0;
      previousBlank = true;
      continue;
    }
    const lastLine = current[current.length - 1] ?? '';
    const continuesWrap =
      currentLength >= WRAPPED_LINE_MIN_LENGTH && endsWithHan(lastLine) && startsWithHan(line) && !previousBlank && !YEARS_HEADER.test(lastLine);
    if (!continuesWrap) {
      if (currentLength > 0) paragraphs.push(current.join(''));
      current = [];
      currentLength = 0;
    }
    current.push(line);
    currentLength += line.length;
    previousBlank = false;
  }
  if (currentLength > 0) paragraphs.push(current.join(''));
  return paragraphs.join('\n');
}

function isHan(charCode: number): boolean {
  return charCode >= 0x4e00 && charCode <= 0x9fff;
}

function startsWithHan(line: string): boolean {
  return isHan(line.charCodeAt(0));
}

function endsWithHan(line: string): boolean {
  return isHan(line.charCodeAt(line.length - 1));
}

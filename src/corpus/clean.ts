/**
 * Removes page furniture (app prompts, close buttons, comment boxes, editor credits, view
 * counters, disclosure index numbers) from a report. Pure and idempotent: the kept text is the
 * original's, line for line, so every sentence it keeps is verbatim from the source.
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
  /^(阅读|浏览)(次数|量)?\s*[:：]?\s*\d*$/,
  /^[•·]?\s*索\s*引\s*号\s*[:：]/,
  /^[•·]?\s*(发布机构|成文日期|公开方式|主题分类|文\s*号)\s*[:：]/,
  /^发布日期\s*[:：].*(信息来源|浏览次数)/,
  /^\S{2,10}\s+\d{4}-\d{2}-\d{2}\s+\d{1,2}:\d{2}(:\d{2})?$/,
  /^(分享到|扫一扫|打印本页|【打印】|【关闭】)/,
];

/** Credits appended to the last paragraph: "(记者 朱秋霞  通讯员 俞镇)". */
const TRAILING_CREDIT = /\s*[（(](记者|通讯员)[^（()）]*[)）]\s*$/;

/** A line that stops mid-sentence and continues on the next (a hard wrap in the source). */
const WRAPPED_LINE_MIN_LENGTH = 20;
const ENDS_MID_WORD = /[\u4e00-\u9fff]$/;
const STARTS_WITH_HAN = /^[\u4e00-\u9fff]/;

export function isFurnitureLine(line: string): boolean {
  const trimmed = line.trim();
  return FURNITURE_LINES.some((pattern) => pattern.test(trimmed));
}

export function cleanReportText(raw: string): string {
  const lines = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const rawLine of lines) {
    const line = rawLine.replace(/\s+$/, '').replace(/^[ \t\u3000]+/, '');
    if (line === '') {
      kept.push('');
      continue;
    }
    if (isFurnitureLine(line)) continue;
    if (isRepeatedHeading(line, kept)) continue;
    kept.push(line.replace(TRAILING_CREDIT, ''));
  }
  return joinParagraphs(kept);
}

/** Disclosure pages print their title twice; keep the first. */
function isRepeatedHeading(line: string, kept: readonly string[]): boolean {
  const previous = kept.filter((candidate) => candidate !== '');
  return previous.length < 4 && previous.includes(line);
}

/** One paragraph per line; hard-wrapped lines are joined back, blank runs dropped. */
function joinParagraphs(lines: readonly string[]): string {
  const paragraphs: string[] = [];
  let current = '';
  let previousBlank = true;
  for (const line of lines) {
    if (line === '') {
      if (current) paragraphs.push(current);
      current = '';
      previousBlank = true;
      continue;
    }
    const continuesWrap =
      current.length >= WRAPPED_LINE_MIN_LENGTH &&
      ENDS_MID_WORD.test(current) &&
      STARTS_WITH_HAN.test(line) &&
      !previousBlank;
    if (continuesWrap) current += line;
    else {
      if (current) paragraphs.push(current);
      current = line;
    }
    previousBlank = false;
  }
  if (current) paragraphs.push(current);
  return paragraphs.join('\n');
}

/**
 * The headline and publication date of a page dropped in without a header. A page opens with
 * furniture (breadcrumbs, 字号/打印/分享, site names), then the headline, then a line with its date
 * and source, then the body; a date inside the body is about the figures, not the page.
 */

const FURNITURE =
  /^(首页|当前位置|您的位置|您当前|位置[:：]|导航|政务公开|数字报|手机版|下载|分享|打印|字号|字体|来源|信息来源|发布|作者|编辑|责任编辑|浏览|点击|阅读|热点搜索|标题导航|背景色|听新闻|简体|繁体|无障碍|打开适老化|索\s*引|名\s*称|主\s*题|文\s*号|发\s*文|公开目录|主题词|Top|【|\[|>|•|\||第\d+版|未标题|A\d)/;
const BREADCRUMB = />.*>|>>/;
/** Page controls anywhere in a short line: "3 上一篇 放大 缩小 默认". */
const CONTROLS = /上一篇|下一篇|放大|缩小|默认|打印|关闭|关 闭|分享到|字号|扫描|下载|星期[一二三四五六日天]/;
/** An outlet's name on a line of its own: 许昌日报客户端, 杭州网, 青海频道. */
const OUTLET = /^[\u4e00-\u9fff]{2,10}(客户端|网|报|APP|公众号|频道|新闻|电视台)$/;
/** A labelled title: 原标题: …, 发文标题: …, 名 称 : (value on the same or the next line). */
const LABELLED_TITLE = /^(原[标標][题題]|发文标题|标\s*题|名\s*称)\s*[:：]\s*/;
/** 2013-09-29, 2013/9/29, 2013.09.29, 2021年10月09日, and 09.10.2015 (day first); separators kept consistent. */
const DATE =
  /((?:19|20)\d{2})([-/.])(\d{1,2})\2(\d{1,2})(?!\d)|((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日|(?<!\d)(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})/;
const LABELLED_DATE = /(发布日期|发布时间|成文日期|发文时间|印发日期|时间)\s*[:：]?\s*/;
const HEADER_LINES = 15;

export interface Headline {
  title: string;
  published: string;
}

function isBody(line: string): boolean {
  return line.length > 60 || (/[。]/.test(line) && line.length > 30);
}

function isTitleLike(line: string): boolean {
  if (line.length < 6 || line.length > 60) return false;
  if (FURNITURE.test(line) || BREADCRUMB.test(line) || CONTROLS.test(line) || OUTLET.test(line)) return false;
  if (/[。]$/.test(line) || /^(本报讯|记者|\(记者|（记者)/.test(line)) return false;
  if (/\d+(\.\d+)?\s+\d+(\.\d+)?\s/.test(line)) return false; // a table row: 62 58  57.5 58.8
  const chinese = line.match(/[\u4e00-\u9fff]/g)?.length ?? 0;
  return chinese >= 5 && chinese / line.length > 0.5;
}

function dateIn(line: string): string | undefined {
  const match = DATE.exec(line);
  if (!match) return undefined;
  const [year, month, day] = match[1] ? [match[1], match[3], match[4]] : match[5] ? [match[5], match[6], match[7]] : [match[10], match[9], match[8]];
  if (Number(month) < 1 || Number(month) > 12 || Number(day) < 1 || Number(day) > 31) return undefined;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

/** Title and date from the page's opening lines; empty strings when the page has none. */
export function readHeadline(text: string): Headline {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(0, HEADER_LINES);
  const bodyAt = lines.findIndex(isBody);
  const header = bodyAt < 0 ? lines : lines.slice(0, bodyAt);
  const labelled = labelledTitle(header);
  const titleAt = labelled ? labelled.at : pickTitle(header);
  const subtitle = titleAt >= 0 && !labelled && /^(——|--)/.test(header[titleAt + 1] ?? '') ? header[titleAt + 1]! : '';
  const title = labelled ? labelled.title : titleAt >= 0 ? header[titleAt]! + subtitle : firstClause(lines[bodyAt] ?? lines[0] ?? '');
  // A date in brackets after the headline is its date: 困难残疾人生活补贴 ( 2021年12月27日 ).
  const dated = /\s*[(（]\s*([^()（）]{6,20})\s*[)）]\s*$/.exec(title);
  const titleDate = dated ? dateIn(dated[1]!) : undefined;
  return {
    title: titleDate ? title.slice(0, dated!.index) : title,
    published: pickDate(header, titleAt) || titleDate || signatureDate(text) || pickDate(header.slice(0, Math.max(0, titleAt)), -1),
  };
}

/** A notice's date line at its foot (落款: "2025年8月29日" alone on a line). */
function signatureDate(text: string): string {
  const lines = text.split('\n').map((line) => line.trim());
  for (let i = lines.length - 1; i >= 0; i--) {
    const line = lines[i]!;
    if (line.length <= 16 && /^(?:19|20)\d{2}年\d{1,2}月\d{1,2}日$/.test(line)) return dateIn(line) ?? '';
  }
  return '';
}

function labelledTitle(header: readonly string[]): { title: string; at: number } | undefined {
  for (let i = 0; i < header.length; i++) {
    const label = LABELLED_TITLE.exec(header[i]!);
    if (!label) continue;
    const rest = header[i]!.slice(label[0].length).trim();
    if (rest.length >= 4) return { title: rest, at: i };
    const next = header[i + 1];
    if (next && next.length >= 4) return { title: next, at: i + 1 };
  }
  return undefined;
}

/** The title-like line that repeats or that a date/source line follows; else the first title-like line. */
function pickTitle(header: readonly string[]): number {
  const candidates = header.map((line, i) => (isTitleLike(line) ? i : -1)).filter((i) => i >= 0);
  const repeated = candidates.find((i) => header.indexOf(header[i]!) !== i || header.indexOf(header[i]!, i + 1) > i);
  if (repeated !== undefined) return header.indexOf(header[repeated]!);
  const dated = candidates.find((i) => header.slice(i + 1, i + 3).some((line) => dateIn(line) || /来源|发布/.test(line)));
  return dated ?? candidates[0] ?? -1;
}

function pickDate(header: readonly string[], titleAt: number): string {
  for (const line of header) {
    const label = LABELLED_DATE.exec(line);
    if (label) {
      const date = dateIn(line.slice(label.index));
      if (date) return date;
    }
  }
  for (const line of header.slice(titleAt + 1)) {
    const date = dateIn(line);
    if (date) return date;
  }
  return '';
}

function firstClause(line: string): string {
  const clause = line.split(/[。;；!！?？]/)[0] ?? '';
  return clause.length > 40 ? `${clause.slice(0, 40)}…` : clause;
}

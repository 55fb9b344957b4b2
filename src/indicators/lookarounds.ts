/**
 * What extraction looks at around a sentence-sized passage, each bounded so that a page of one
 * megabyte line stays linear: the heading above it, a date line above it, the sentence before it.
 */

/** A numbered or colon-ended short line (六、临时救助 / 2、…落实情况:): the topic of the lines under it. */
const HEADING = /^\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．])[^。]{2,40}$|^[^。]{2,40}[:：]\s*$/;
const HEADING_LOOKBACK = 6;
/** A numbered line that states a figure (1.城市：每人每月936元) is an item under the heading, not one. */
const FIGURE_IN_LINE = /\d\s*(元|个|人|张|家|所|户|对|%|万|亿)/;

/** How far above a passage a heading is looked for: a heading is short, and a page without line breaks must not cost more. */
const HEADING_WINDOW = 400;

/** The nearest heading above a passage, within a few lines and a bounded stretch of text. */
export function headingBefore(fullText: string, at: number): string | undefined {
  const from = Math.max(0, at - HEADING_WINDOW);
  const text = fullText.slice(from, at);
  let lineStart = text.lastIndexOf('\n') + 1;
  const inLine = text.slice(lineStart);
  if (lineStart > 0 && inLine.length <= 60 && HEADING.test(inLine.trim()) && /[:：]\s*$/.test(inLine)) return inLine.trim();
  for (let i = 0; i < HEADING_LOOKBACK && lineStart > 0; i++) {
    const previousStart = text.lastIndexOf('\n', lineStart - 2) + 1;
    if (previousStart === 0 && from > 0) break; // the line began before the window
    const line = text.slice(previousStart, lineStart - 1).trim();
    if (line && HEADING.test(line) && !FIGURE_IN_LINE.test(line)) return line;
    lineStart = previousStart;
  }
  return undefined;
}

/** A line above that is only a date (截至2025年12月底): the time of what follows it. */
const DATE_LINE = /^\s*(?:截至|截止|至)?(?:19|20)\d{2}年(?:\d{1,2}月)?份?(?:底|末)?\s*[:：]?\s*$/;

export function dateLineAbove(fullText: string, at: number): string | undefined {
  const window = fullText.slice(Math.max(0, at - HEADING_WINDOW), at);
  return window.split('\n').slice(0, -1).reverse().find((line) => DATE_LINE.test(line));
}

/** The sentence before a position in the same paragraph (back to the 。 before it, never past a line break). */
export function sentenceBefore(fullText: string, at: number): string {
  const window = fullText.slice(Math.max(0, at - HEADING_WINDOW), at); // bounded: a 1 MB line stays linear
  const text = window.slice(window.lastIndexOf('\n') + 1).replace(/[。！？!?]\s*$/, '');
  return text.slice(Math.max(text.lastIndexOf('。'), text.lastIndexOf('！'), text.lastIndexOf('？')) + 1);
}

/** A lookaround computed at most once per passage, and only when a figure asks for it. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** Spans inside one sentence: clauses (between ，,；;：:) and enumeration items (between 、). */
export interface Span {
  start: number;
  end: number;
}

/** Character codes that end a clause, a sentence part (strong), or an item (、). */
const CLAUSE_BREAK = new Set([...'，,；;：:。！？!?'].map((char) => char.charCodeAt(0)));
const STRONG_BREAK = new Set([...'；;。！？!?'].map((char) => char.charCodeAt(0)));
const ITEM_BREAK = '、'.charCodeAt(0);
const CJK = /[\u4e00-\u9fff]/;

function isBlank(code: number): boolean {
  return code === 32 || code === 0x3000 || code === 9 || code === 0xa0;
}

/** A blank between two Chinese characters separates phrases as a comma does (headlines: "销售26.31亿元 筹集公益金"). */
function isSpaceBreak(text: string, at: number): boolean {
  if (!isBlank(text.charCodeAt(at))) return false;
  let before = at;
  while (before > 0 && isBlank(text.charCodeAt(before - 1))) before--;
  let after = at;
  while (after < text.length && isBlank(text.charCodeAt(after))) after++;
  return CJK.test(text[before - 1] ?? '') && CJK.test(text[after] ?? '');
}

/** 「社区日间照料中心：486个」「城市：每人每月936元」: a colon right before the figure labels it; it does not end a clause. */
const FIGURE_AFTER_LABEL = /^\s*(每人每[月年]|每人|约|共|计)?\s*\d/;

function isLabelColon(text: string, at: number): boolean {
  const char = text[at];
  return (char === '：' || char === ':') && FIGURE_AFTER_LABEL.test(text.slice(at + 1, at + 12));
}

interface Breaks {
  text: string;
  /** Sorted positions of the characters that end a span of each kind. */
  strong: number[];
  clause: number[];
  item: number[];
}

/** Extraction asks many spans of the same sentence in a row: its breaks are found once (one pass, linear). */
let cached: Breaks | undefined;

function breaksOf(text: string): Breaks {
  if (cached?.text === text) return cached;
  const breaks: Breaks = { text, strong: [], clause: [], item: [] };
  for (let at = 0; at < text.length; at++) {
    const code = text.charCodeAt(at);
    const strong = STRONG_BREAK.has(code);
    const clause = strong || (CLAUSE_BREAK.has(code) && !isLabelColon(text, at)) || (isBlank(code) && isSpaceBreak(text, at));
    if (strong) breaks.strong.push(at);
    if (clause) breaks.clause.push(at);
    if (clause || code === ITEM_BREAK) breaks.item.push(at);
  }
  cached = breaks;
  return breaks;
}

/** The span between the break before `position` and the one at or after it. */
function spanIn(positions: readonly number[], length: number, position: number): Span {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (positions[middle]! < position) low = middle + 1;
    else high = middle;
  }
  return { start: low > 0 ? positions[low - 1]! + 1 : 0, end: low < positions.length ? positions[low]! : length };
}

export function clauseAt(text: string, position: number): Span {
  return spanIn(breaksOf(text).clause, text.length, position);
}

export function itemAt(text: string, position: number): Span {
  return spanIn(breaksOf(text).item, text.length, position);
}

/** The clause before the one starting at `clauseStart`, if the sentence has one. */
export function previousClause(text: string, clauseStart: number): Span | undefined {
  if (clauseStart <= 0) return undefined;
  if (STRONG_BREAK.has(text.charCodeAt(clauseStart - 1))) return undefined;
  return clauseAt(text, clauseStart - 2 >= 0 ? clauseStart - 2 : 0);
}

/** The span between strong breaks (；; and sentence ends) around a position. */
export function strongSpanAt(text: string, position: number): Span {
  return spanIn(breaksOf(text).strong, text.length, position);
}

/**
 * A span's text with what brackets after `at` say left out: "养老床位5000张（其中护理型床位3000张）"
 * reads as "养老床位5000张" when deciding what the 5000 is.
 */
export function withoutBracketsAfter(text: string, span: Span, at: number): string {
  // A bracket the span cuts open ("220266人(其中农村…、" ends at the 、 inside it) is left out to the span's end.
  return text.slice(span.start, at) + text.slice(at, span.end).replace(/[（(][^（()）]*[）)]/g, '').replace(/[（(][^（()）]*$/, '');
}

/** A bracket that says what is included (孤儿(含事实无人抚养儿童)…): a note on the noun before it. */
const INCLUSION_NOTE = /[(（](?:含|包括|包含)[^()（）]*[)）]/g;

/** The text with its inclusion notes blanked out (same length), so that no subject is read inside one. */
export function withoutInclusionNotes(text: string): string {
  return text.includes('含') || text.includes('包括') ? text.replace(INCLUSION_NOTE, (note) => '\u3000'.repeat(note.length)) : text;
}

/** Spans inside one sentence: clauses (between ，,；;：:) and enumeration items (between 、). */
export interface Span {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[，,；;：:。！？!?]/;
const STRONG_BREAK = /[；;。！？!?]/;

function spanAround(text: string, position: number, isBreak: (char: string, at: number) => boolean): Span {
  let start = position;
  while (start > 0 && !isBreak(text[start - 1] ?? '', start - 1)) start--;
  let end = position;
  while (end < text.length && !isBreak(text[end] ?? '', end)) end++;
  return { start, end };
}

const CJK = /[\u4e00-\u9fff]/;

/** A blank between two Chinese characters separates phrases as a comma does (headlines: "销售26.31亿元 筹集公益金"). */
function isSpaceBreak(text: string, at: number): boolean {
  if (!/\s/.test(text[at] ?? '')) return false;
  let before = at;
  while (before > 0 && /\s/.test(text[before - 1] ?? '')) before--;
  let after = at;
  while (after < text.length && /\s/.test(text[after] ?? '')) after++;
  return CJK.test(text[before - 1] ?? '') && CJK.test(text[after] ?? '');
}

export function clauseAt(text: string, position: number): Span {
  return spanAround(text, position, (char, at) => CLAUSE_BREAK.test(char) || isSpaceBreak(text, at));
}

export function itemAt(text: string, position: number): Span {
  return spanAround(text, position, (char, at) => CLAUSE_BREAK.test(char) || char === '、' || isSpaceBreak(text, at));
}

/** The clause before the one starting at `clauseStart`, if the sentence has one. */
export function previousClause(text: string, clauseStart: number): Span | undefined {
  if (clauseStart <= 0) return undefined;
  const breakChar = text[clauseStart - 1] ?? '';
  if (STRONG_BREAK.test(breakChar)) return undefined;
  return clauseAt(text, clauseStart - 2 >= 0 ? clauseStart - 2 : 0);
}

/** The span between strong breaks (；; and sentence ends) around a position. */
export function strongSpanAt(text: string, position: number): Span {
  return spanAround(text, position, (char) => STRONG_BREAK.test(char));
}

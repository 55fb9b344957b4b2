/** Spans inside one sentence: clauses (between ，,；;：:) and enumeration items (between 、). */
export interface Span {
  start: number;
  end: number;
}

const CLAUSE_BREAK = /[，,；;：:。！？!?]/;
const STRONG_BREAK = /[；;。！？!?]/;

function spanAround(text: string, position: number, isBreak: (char: string) => boolean): Span {
  let start = position;
  while (start > 0 && !isBreak(text[start - 1] ?? '')) start--;
  let end = position;
  while (end < text.length && !isBreak(text[end] ?? '')) end++;
  return { start, end };
}

export function clauseAt(text: string, position: number): Span {
  return spanAround(text, position, (char) => CLAUSE_BREAK.test(char));
}

export function itemAt(text: string, position: number): Span {
  return spanAround(text, position, (char) => CLAUSE_BREAK.test(char) || char === '、');
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

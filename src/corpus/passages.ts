import type { Passage } from './types.js';

/** Upper bound on a passage, in characters: a citation must be sentence-sized. */
export const MAX_PASSAGE_LENGTH = 300;

const SENTENCE_END = /[。！？!?]/;
const CLOSERS = /[”’」』）)\]】"']/;
const CLAUSE_BREAKS: readonly RegExp[] = [/[；;]/, /[，,：:、]/];

interface Span {
  start: number;
  end: number;
}

/**
 * Splits a cleaned report into sentence-sized passages with offsets into `text`.
 * Sentences end at 。！？!? (with any closing quotes) or a line break; a sentence longer than
 * MAX_PASSAGE_LENGTH is cut at semicolons, then at clause commas, then hard.
 */
export function splitPassages(docId: string, text: string): Passage[] {
  const spans = sentenceSpans(text).flatMap((span) => limitLength(text, span, 0));
  return spans
    .map((span) => trimSpan(text, span))
    .filter((span) => span.end > span.start && /[\p{L}\p{N}]/u.test(text.slice(span.start, span.end)))
    .map((span, ordinal) => ({
      passage_id: passageId(docId, ordinal),
      doc_id: docId,
      ordinal,
      start: span.start,
      end: span.end,
      text: text.slice(span.start, span.end),
    }));
}

export function passageId(docId: string, ordinal: number): string {
  return `${docId}:${String(ordinal).padStart(3, '0')}`;
}

function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] ?? '';
    if (char === '\n') {
      spans.push({ start, end: i });
      start = i + 1;
    } else if (SENTENCE_END.test(char)) {
      let end = i + 1;
      while (end < text.length && (SENTENCE_END.test(text[end] ?? '') || CLOSERS.test(text[end] ?? ''))) end++;
      spans.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/**
 * Cuts an over-long span: first at every semicolon (they mark the clauses of run-on text),
 * then greedily at the last clause comma that keeps a piece within the limit, then hard.
 */
function limitLength(text: string, span: Span, level: number): Span[] {
  if (span.end - span.start <= MAX_PASSAGE_LENGTH) return [span];
  const [semicolons, commas] = CLAUSE_BREAKS;
  const pieces =
    level === 0 && semicolons
      ? splitAtEvery(text, span, semicolons)
      : level === 1 && commas
        ? splitGreedily(text, span, commas)
        : hardCut(span);
  return level >= 2 ? pieces : pieces.flatMap((piece) => limitLength(text, piece, level + 1));
}

function splitAtEvery(text: string, span: Span, pattern: RegExp): Span[] {
  const pieces: Span[] = [];
  let pieceStart = span.start;
  for (let i = span.start; i < span.end; i++) {
    if (pattern.test(text[i] ?? '')) {
      pieces.push({ start: pieceStart, end: i + 1 });
      pieceStart = i + 1;
    }
  }
  if (pieceStart < span.end) pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}

function splitGreedily(text: string, span: Span, pattern: RegExp): Span[] {
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let lastBreak = -1;
  for (let i = span.start; i < span.end; i++) {
    if (pattern.test(text[i] ?? '')) lastBreak = i + 1;
    if (i + 1 - pieceStart > MAX_PASSAGE_LENGTH && lastBreak > pieceStart) {
      pieces.push({ start: pieceStart, end: lastBreak });
      pieceStart = lastBreak;
    }
  }
  pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}

function hardCut(span: Span): Span[] {
  const pieces: Span[] = [];
  for (let start = span.start; start < span.end; start += MAX_PASSAGE_LENGTH) {
    pieces.push({ start, end: Math.min(span.end, start + MAX_PASSAGE_LENGTH) });
  }
  return pieces;
}

function trimSpan(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return { start, end };
}

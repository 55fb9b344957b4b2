import type { Passage } from './types.js';

/** Upper bound on a passage, in characters: a citation must be sentence-sized. */
export const MAX_PASSAGE_LENGTH = 300;

// Breaks are looked up by code unit: every character of a report is tested, and a regex call
// (plus a one-character string) per character dominates the cost on megabyte inputs.
const SENTENCE_ENDS = codeUnits('。！？!?');
const CLOSERS = codeUnits('”’」』）)]】"\'');
const SEMICOLONS = codeUnits('；;');
const CLAUSE_COMMAS = codeUnits('，,：:、');
const LINE_BREAK = 0x0a;
const HAS_WORD = /[\p{L}\p{N}]/u;

interface Span {
  start: number;
  end: number;
}

/**
 * Splits a cleaned report into sentence-sized passages with offsets into `text`.
 * Sentences end at 。！？!? (with any closing quotes) or a line break; a sentence longer than
 * MAX_PASSAGE_LENGTH is cut at semicolons, then at clause commas, then hard. Linear in the
 * text: each character is visited a bounded number of times, and only pieces already cut to
 * MAX_PASSAGE_LENGTH are sliced, trimmed and tested for words.
 */
export function splitPassages(docId: string, text: string): Passage[] {
  const spans = sentenceSpans(text).flatMap((span) => limitLength(text, span, 0));
  return spans
    .map((span) => trimSpan(text, span))
    .filter((span) => span.end > span.start && HAS_WORD.test(text.slice(span.start, span.end)))
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

function codeUnits(chars: string): ReadonlySet<number> {
  return new Set(Array.from(chars, (char) => char.charCodeAt(0)));
}

function sentenceSpans(text: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === LINE_BREAK) {
      spans.push({ start, end: i });
      start = i + 1;
    } else if (SENTENCE_ENDS.has(code)) {
      const end = endOfSentence(text, i + 1);
      spans.push({ start, end });
      start = end;
      i = end - 1;
    }
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

/** A sentence takes along any further stops and closing quotes that follow its stop. */
function endOfSentence(text: string, from: number): number {
  let end = from;
  while (end < text.length && (SENTENCE_ENDS.has(text.charCodeAt(end)) || CLOSERS.has(text.charCodeAt(end)))) end++;
  return end;
}

/**
 * Cuts an over-long span: first at every semicolon (they mark the clauses of run-on text),
 * then greedily at the last clause comma that keeps a piece within the limit, then hard.
 */
function limitLength(text: string, span: Span, level: number): Span[] {
  if (span.end - span.start <= MAX_PASSAGE_LENGTH) return [span];
  const pieces =
    level === 0
      ? splitAtEvery(text, span, SEMICOLONS)
      : level === 1
        ? splitGreedily(text, span, CLAUSE_COMMAS)
        : hardCut(span);
  return level >= 2 ? pieces : pieces.flatMap((piece) => limitLength(text, piece, level + 1));
}

function splitAtEvery(text: string, span: Span, breaks: ReadonlySet<number>): Span[] {
  const pieces: Span[] = [];
  let pieceStart = span.start;
  for (let i = span.start; i < span.end; i++) {
    if (breaks.has(text.charCodeAt(i))) {
      pieces.push({ start: pieceStart, end: i + 1 });
      pieceStart = i + 1;
    }
  }
  if (pieceStart < span.end) pieces.push({ start: pieceStart, end: span.end });
  return pieces;
}

function splitGreedily(text: string, span: Span, breaks: ReadonlySet<number>): Span[] {
  const pieces: Span[] = [];
  let pieceStart = span.start;
  let lastBreak = -1;
  for (let i = span.start; i < span.end; i++) {
    if (breaks.has(text.charCodeAt(i))) lastBreak = i + 1;
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

/** trimStart and trimEnd drop exactly the characters `\s` matches, natively. */
function trimSpan(text: string, span: Span): Span {
  const withoutLeading = text.slice(span.start, span.end).trimStart();
  const start = span.end - withoutLeading.length;
  return { start, end: start + withoutLeading.trimEnd().length };
}

import { normalizeText } from '../text/tokenizer.js';

/**
 * How much of a question a passage holds. BM25 sums term weights, so a passage holding only the
 * rarest word of "许昌市养老服务设施有多少" can outrank the sentence that answers it; the words of
 * the question that a passage holds say which one speaks to the whole question.
 */

/** A content word of the question: it or one of its synonyms matches whole; its parts match in part. */
export interface ContentWord {
  forms: readonly string[];
  /** Shorter search terms inside the word (养老, 服务, 设施 in 养老服务设施). */
  parts: readonly string[];
}

/** Share of the content words a text holds, a word found only in parts counting for the share of its parts found. */
export function coverage(text: string, words: readonly ContentWord[]): number {
  if (words.length === 0) return 1;
  const haystack = normalizeText(text);
  let held = 0;
  for (const word of words) {
    if (word.forms.some((form) => haystack.includes(form))) held += 1;
    else if (word.parts.length > 0) held += word.parts.filter((part) => haystack.includes(part)).length / (word.parts.length + 1);
  }
  return held / words.length;
}

/**
 * The multiplier a passage's score gets: a passage holding every content word keeps its score,
 * one holding half of them a third of it. Measured on the 83 retrieval questions and the staff
 * questions (tests/quality): steeper curves cost recall@1 on two-word queries, flatter ones let
 * the rarest word win again.
 */
export function coverageFactor(share: number): number {
  return 0.1 + 0.9 * share * share;
}

/** A number with a counter or unit (922个, 1.8万余张, 24.37亿元, 98.14%): what a 有多少 question wants. */
const QUANTITY = /\d[\d.,]*\s*(?:万|亿)?\s*(?:余|多)?\s*(?:个|家|所|张|户|名|元|对|处|次|人次|人|条|件|%|平方米)/g;

/**
 * The multiplier a passage's score gets for a quantity question (有多少, 多少钱): a passage
 * stating no quantity cannot answer it; one listing several (建成…7个、…28个、…922个) answers a
 * question about a kind of thing (养老服务设施) better than one figure beside it.
 */
export function quantityFactor(text: string): number {
  const count = text.match(QUANTITY)?.length ?? 0;
  return count === 0 ? 0.02 : Math.min(1, 0.4 + 0.2 * count);
}

import { MinzhengError } from '../errors.js';

/**
 * The size a response's structuredContent keeps within, in tokens. Claude Code hands the model
 * only structuredContent and cuts it near 25k tokens; other clients fill the context with it.
 */
export const TOKEN_BUDGET = 8000;

/**
 * Tokens of a value as JSON, estimated from above without a tokenizer at run time: a Chinese
 * character is at most ~1.4 BPE tokens (cl100k_base, Claude's tokenizer: fewer), other non-ASCII
 * at most 2, ASCII (keys, digits, punctuation) ~0.45. tests/tools/budget.test.ts checks the
 * estimate stays above a real tokenizer's count on every worst case.
 */
export function estimateTokens(value: unknown): number {
  const json = JSON.stringify(value) ?? '';
  let tokens = 0;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code < 0x80) tokens += 0.45;
    else if ((code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf)) tokens += 1.4;
    else if (code >= 0xdc00 && code <= 0xdfff) continue;
    else tokens += 2;
  }
  return Math.ceil(tokens);
}

export interface Page<T> {
  items: T[];
  /** Where the next page starts, for the `cursor` argument; null on the last page. */
  next_cursor: string | null;
}

/** The start a `cursor` argument stands for: a cursor a previous page returned, or the beginning. */
export function cursorStart(cursor: string | undefined, total: number): number {
  if (cursor === undefined) return 0;
  const start = /^\d{1,9}$/.test(cursor) ? Number(cursor) : NaN;
  if (!(start >= 0 && start <= total)) {
    throw new MinzhengError('BAD_ARGUMENT', `cursor 无效 (invalid cursor "${cursor.slice(0, 40)}"): pass the next_cursor of the previous page, or leave cursor out for the first page.`);
  }
  return start;
}

/**
 * The items from `cursor` on that fit in the budget beside the rest of the response (`fixed`),
 * at least one, and where the next page starts.
 */
export function pageOf<T>(items: readonly T[], cursor: string | undefined, fixed: unknown, budget = TOKEN_BUDGET): Page<T> {
  const start = cursorStart(cursor, items.length);
  let used = estimateTokens(fixed) + 40;
  let end = start;
  while (end < items.length) {
    const cost = estimateTokens(items[end]) + 1;
    if (end > start && used + cost > budget) break;
    used += cost;
    end++;
  }
  return { items: items.slice(start, end), next_cursor: end < items.length ? String(end) : null };
}

/** How many leading items fit beside `fixed` (at least one when there is one): for lists that are cut, not paged. */
export function fittingCount(items: readonly unknown[], fixed: unknown, budget = TOKEN_BUDGET): number {
  return pageOf(items, undefined, fixed, budget).items.length;
}

/** A cursor argument's schema description, the same for every paged tool. */
export const CURSOR_DESCRIPTION = 'Where to continue: the next_cursor of the previous page (leave out for the first page)';

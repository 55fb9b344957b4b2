import { MinzhengError } from '../errors.js';
import { estimateTokens, TOKEN_BUDGET } from './budget.js';

/** A page of ~5 000 Chinese characters is ~6k tokens: within the budget beside the report's metadata. */
export const DEFAULT_PAGE_CHARS = 5000;
export const MAX_PAGE_CHARS = 6000;
/** Tokens kept for the metadata beside the text. */
const METADATA_ROOM = 600;

export interface DocumentPage {
  text: string;
  offset: number;
  total_chars: number;
  /** Where the next page starts; null when this page ends the text. */
  next_offset: number | null;
}

/**
 * The part of a report's text from `offset`, at most `maxChars` long and within the token budget,
 * ending after a line break or 。 when one falls in its last fifth. Offsets are those of the whole
 * text, so a citation {start, end} lies at start - offset in the page.
 */
export function documentPage(text: string, offset = 0, maxChars = DEFAULT_PAGE_CHARS): DocumentPage {
  if (offset > text.length) {
    throw new MinzhengError('BAD_ARGUMENT', `offset 超出全文长度 (offset ${offset} is past the end: the text has ${text.length} characters; pages start at 0 and at each next_offset).`);
  }
  let end = Math.min(text.length, offset + maxChars);
  while (end > offset + 1 && estimateTokens(text.slice(offset, end)) > TOKEN_BUDGET - METADATA_ROOM) end = offset + Math.floor((end - offset) * 0.9);
  if (end < text.length) {
    const window = text.slice(offset + Math.floor((end - offset) * 0.8), end);
    const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'));
    if (cut >= 0) end = end - window.length + cut + 1;
    const code = text.charCodeAt(end - 1);
    if (code >= 0xd800 && code <= 0xdbff) end--;
  }
  return { text: text.slice(offset, end), offset, total_chars: text.length, next_offset: end < text.length ? end : null };
}

import type { Citation } from '../library.js';

/** One line a person can check against the report: 〔doc_id 120–168〕. */
export function formatCitation(citation: Citation): string {
  return `〔${citation.doc_id} ${citation.start}–${citation.end}〕`;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

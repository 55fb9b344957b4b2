import type { Citation } from '../corpus/types.js';

/** One line a person can check against the report: 〔doc_id 120–168〕. */
export function formatCitation(citation: Citation): string {
  return `〔${citation.doc_id} ${citation.start}–${citation.end}〕`;
}

import MiniSearch from 'minisearch';
import type { Passage } from '../../src/corpus/types.js';

/** The baseline jieba must beat: overlapping character bigrams, digits and Latin runs whole. */
export function bigrams(text: string): string[] {
  const tokens: string[] = [];
  for (const run of text.normalize('NFKC').toLowerCase().match(/[\u4e00-\u9fff]+|[a-z0-9.]+/g) ?? []) {
    if (!/[\u4e00-\u9fff]/.test(run) || run.length === 1) tokens.push(run);
    else for (let i = 0; i + 2 <= run.length; i++) tokens.push(run.slice(i, i + 2));
  }
  return tokens;
}

export function bigramSearch(passages: readonly Passage[], placeOf: (docId: string) => string) {
  const index = new MiniSearch<{ id: number; text: string; place: string }>({
    fields: ['text', 'place'],
    tokenize: bigrams,
    searchOptions: { boost: { text: 1, place: 1.5 }, combineWith: 'OR' },
  });
  index.addAll(passages.map((p, id) => ({ id, text: p.text, place: placeOf(p.doc_id) })));
  return (query: string, limit: number) => index.search(query).slice(0, limit).map((r) => passages[r.id as number]!);
}

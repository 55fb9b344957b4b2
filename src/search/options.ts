import type { Options, SearchOptions } from 'minisearch';

/**
 * What MiniSearch indexes for each passage; `id` is the passage's position in the bundle. A
 * passage's place and report title are properties of its report, not words of its own: they are
 * not indexed per passage (a quarter of all postings) but matched at query time (engine.ts).
 */
export interface PassageDocument {
  id: number;
  text: string;
}

/**
 * The one options object the index is built and loaded with (MiniSearch does not serialise
 * functions, so `loadJSON` must receive the same tokenizer). Queries arrive already tokenized.
 */
export function miniSearchOptions(tokenize: (text: string) => string[]): Options<PassageDocument> {
  return {
    idField: 'id',
    fields: ['text'],
    storeFields: [],
    tokenize: (text) => tokenize(text),
    processTerm: (term) => term,
    searchOptions: QUERY_OPTIONS,
  };
}

/** Terms are whole jieba words: fuzzy or prefix matching on 2–3 character words does harm (低保金 ~ 低保户). */
export const QUERY_OPTIONS: SearchOptions = {
  fuzzy: false,
  prefix: false,
  combineWith: 'OR',
  tokenize: (text) => [text],
  processTerm: (term) => term,
};

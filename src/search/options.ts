import type { Options, SearchOptions } from 'minisearch';

/** What MiniSearch indexes for each passage; `id` is the passage's position in the bundle. */
export interface PassageDocument {
  id: number;
  text: string;
  title: string;
  place: string;
}

export const FIELD_BOOSTS = { text: 1, title: 0.4, place: 1.5 } as const;

/**
 * The one options object the index is built and loaded with (MiniSearch does not serialise
 * functions, so `loadJSON` must receive the same tokenizer). Queries arrive already tokenized.
 */
export function miniSearchOptions(tokenize: (text: string, field?: string) => string[]): Options<PassageDocument> {
  return {
    idField: 'id',
    fields: ['text', 'title', 'place'],
    storeFields: [],
    tokenize: (text, field) => tokenize(text, field),
    processTerm: (term) => term,
    searchOptions: QUERY_OPTIONS,
  };
}

/** Terms are whole jieba words: fuzzy or prefix matching on 2–3 character words does harm (低保金 ~ 低保户). */
export const QUERY_OPTIONS: SearchOptions = {
  boost: FIELD_BOOSTS,
  fuzzy: false,
  prefix: false,
  combineWith: 'OR',
  tokenize: (text) => [text],
  processTerm: (term) => term,
};

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_INDEX_DIR } from '../../src/paths.js';
import { loadPlaces } from '../../src/places/places.js';
import { placeNames } from '../../src/search/build.js';
import { QUERY_DICT_NAME, USER_DICT_NAME, buildDictionaries, queryDictionaries } from '../../src/search/jieba-files.js';
import { loadTokenizer } from '../../src/text/tokenizer.js';
import { bundledLibrary, readFixture } from '../helpers.js';

const library = bundledLibrary();
const places = loadPlaces();
const texts = [
  ...library.reports.flatMap((report) => [report.meta.title, placeNames(report, places), ...library.passagesOf(report.meta.doc_id).map((p) => p.text)]),
];
const queries = readFixture<{ query: string }[]>('retrieval-questions.json').map((q) => q.query);

function cutAll(dictionaries: Parameters<typeof loadTokenizer>[0], inputs: readonly string[]) {
  const tokenizer = loadTokenizer(dictionaries);
  return inputs.map((text) => ({ cut: tokenizer.cut(text), search: tokenizer.tokenize(text) }));
}

describe('query-time dictionary derived from the index', () => {
  const full = cutAll(buildDictionaries(path.join(BUNDLED_INDEX_DIR, USER_DICT_NAME)), [...texts, ...queries]);
  const small = cutAll(queryDictionaries(BUNDLED_INDEX_DIR), [...texts, ...queries]);

  it('cuts every indexed text exactly as the full dictionary does', () => {
    expect(texts.length).toBeGreaterThan(380);
    const differing = texts.filter((_, i) => JSON.stringify(full[i]) !== JSON.stringify(small[i]));
    expect(differing).toEqual([]);
  });

  it('cuts queries alike, but for words neither in the corpus nor common (frequency < 100)', () => {
    const offset = texts.length;
    const queryWords = new Set(
      [QUERY_DICT_NAME, USER_DICT_NAME].flatMap((name) =>
        fs.readFileSync(path.join(BUNDLED_INDEX_DIR, name), 'utf8').split('\n').map((line) => line.split(' ')[0]),
      ),
    );
    const differing = queries.map((_, i) => i).filter((i) => JSON.stringify(full[offset + i]) !== JSON.stringify(small[offset + i]));
    process.stderr.write(`queries cut differently: ${differing.length}/${queries.length} ${differing.map((i) => queries[i]).join(' | ')}\n`);
    expect(differing.length / queries.length).toBeLessThanOrEqual(0.05);
    for (const i of differing) {
      const unknown = [...full[offset + i]!.cut, ...full[offset + i]!.search].filter((word) => [...word].length > 1 && !queryWords.has(word) && /[\u4e00-\u9fff]/.test(word));
      expect(unknown.length, queries[i]).toBeGreaterThan(0);
    }
  });
});

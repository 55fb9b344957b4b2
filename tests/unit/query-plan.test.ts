import { describe, expect, it } from 'vitest';
import type { BackendQuery, SearchBackend } from '../../src/search/backend.js';
import { COMMON_TERM_SHARE, PassageSearch, SUBWORD_MAX_PASSAGES } from '../../src/search/engine.js';
import { queryDictionaries } from '../../src/search/jieba-files.js';
import { BUNDLED_INDEX_DIR } from '../../src/paths.js';
import { recordTermStatistics } from '../../src/store/types.js';
import { SynonymTable } from '../../src/text/synonyms.js';
import { loadTokenizer } from '../../src/text/tokenizer.js';

const tokenizer = loadTokenizer(queryDictionaries(BUNDLED_INDEX_DIR));
const PASSAGES = 100_000;
const NO_PASSAGES = { passageAt: () => undefined, summaryOf: () => undefined };

/** The query a backend receives for `text`, given how many passages hold each term. */
function planned(text: string, documentFrequency: Record<string, number>, places: Record<string, string> = {}): BackendQuery {
  let received: BackendQuery | undefined;
  const backend: SearchBackend = {
    search: (query) => {
      received = query;
      return [];
    },
  };
  const search = new PassageSearch(backend, NO_PASSAGES, {
    tokenizer,
    synonyms: new SynonymTable([['社会救助', '社会求助']]),
    placeNamedBy: (term) => places[term],
    termStats: recordTermStatistics({ passages: PASSAGES, documentFrequency }),
  });
  search.search(text, { limit: 8 });
  return received!;
}

const terms = (query: BackendQuery) => query.terms.map((t) => t.term).sort();

describe('query planning', () => {
  it('scores every part of a word while the parts are rare', () => {
    expect(tokenizer.tokenize('社会救助')).toEqual(expect.arrayContaining(['社会', '救助', '社会救助']));
    const query = planned('社会救助', { 社会救助: 50, 社会: 900, 救助: 300 });
    expect(terms(query)).toEqual(['救助', '社会', '社会救助']);
  });

  it(`drops a part in ${SUBWORD_MAX_PASSAGES}+ passages when the index holds the whole word`, () => {
    const query = planned('社会救助', { 社会救助: 50, 社会: SUBWORD_MAX_PASSAGES, 救助: 300 });
    expect(terms(query)).toEqual(['救助', '社会救助']);
    expect(query.terms.find((t) => t.term === '社会救助')?.alternatives).toEqual(['社会求助']);
  });

  it('keeps the parts of a word the index does not hold', () => {
    const query = planned('社会救助', { 社会: 5000, 救助: 3000 });
    expect(terms(query)).toEqual(['救助', '社会', '社会救助']);
  });

  it(`drops terms in more than ${COMMON_TERM_SHARE * 100}% of passages unless nothing rarer is left`, () => {
    const common = COMMON_TERM_SHARE * PASSAGES + 1;
    expect(terms(planned('养老 床位', { 养老: common, 床位: 10 }))).toEqual(['床位']);
    expect(terms(planned('养老 服务', { 养老: common, 服务: common }))).toEqual(['养老', '服务']);
  });

  it('boosts a place the query names, even when its name is a common term', () => {
    const query = planned('许昌 床位', { 许昌: COMMON_TERM_SHARE * PASSAGES + 1, 床位: 10 }, { 许昌: '许昌市' });
    expect(terms(query)).toEqual(['床位']);
    expect([...(query.boostPlaces ?? [])]).toEqual(['许昌市']);
  });
});

describe('finding every place\'s passage', () => {
  it('scores every term, costly parts included', () => {
    let received: BackendQuery | undefined;
    const search = new PassageSearch({ search: (query) => ((received = query), []) }, NO_PASSAGES, {
      tokenizer,
      synonyms: new SynonymTable([]),
      placeNamedBy: () => undefined,
      termStats: recordTermStatistics({ passages: PASSAGES, documentFrequency: { 社会救助: 50, 社会: SUBWORD_MAX_PASSAGES * 5, 救助: 300 } }),
    });
    search.bestPerPlace('社会救助', ['许昌市']);
    expect(terms(received!)).toEqual(['救助', '社会', '社会救助']);
  });
});

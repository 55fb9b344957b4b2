import { describe, expect, it } from 'vitest';
import type { Passage, Report } from '../../src/corpus/types.js';
import type { BackendQuery, SearchBackend } from '../../src/search/backend.js';
import { COMMON_TERM_SHARE, COMMON_TERM_WEIGHT, MAX_COMMON_TERMS, PassageSearch, SUBWORD_MAX_PASSAGES } from '../../src/search/engine.js';
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

  it(`keeps terms in more than ${COMMON_TERM_SHARE * 100}% of passages, down-weighted beside rarer ones`, () => {
    const common = COMMON_TERM_SHARE * PASSAGES + 1;
    const query = planned('养老 床位', { 养老: common, 床位: 10 });
    expect(terms(query)).toEqual(['养老', '床位']);
    expect(query.terms.find((t) => t.term === '养老')?.weight).toBe(COMMON_TERM_WEIGHT);
    expect(query.terms.find((t) => t.term === '床位')?.weight).toBeUndefined();
    const alone = planned('养老 服务', { 养老: common, 服务: common });
    expect(terms(alone)).toEqual(['养老', '服务']);
    expect(alone.terms.every((t) => t.weight === undefined)).toBe(true);
  });

  it(`keeps the ${MAX_COMMON_TERMS} most specific common terms: the query's own words, then the longest, then the rarest`, () => {
    const common = COMMON_TERM_SHARE * PASSAGES + 1;
    expect(terms(planned('养老 服务 体系 设施', { 养老: common * 3, 服务: common * 4, 体系: common, 设施: 10 }))).toEqual(['体系', '养老', '设施']);
    expect(terms(planned('养老服务 服务 体系', { 养老服务: common * 2, 养老: common * 5, 服务: common, 体系: common * 3 }))).toEqual(['养老服务', '服务']);
  });

  it('boosts a place the query names instead of matching its name as a word', () => {
    const query = planned('许昌 床位', { 许昌: COMMON_TERM_SHARE * PASSAGES + 1, 床位: 10 }, { 许昌: '许昌市' });
    expect(terms(query)).toEqual(['床位']);
    expect([...(query.boostPlaces ?? [])]).toEqual(['许昌市']);
    expect(terms(planned('清水县临时救助', { 清水县: 20, 临时救助: 30 }, { 清水县: '清水县', 清水: '清水县' }))).not.toContain('清水县');
    expect(terms(planned('许昌', { 许昌: 20 }, { 许昌: '许昌市' }))).toEqual(['许昌']);
  });

  it('leaves the frame of a question out of its terms', () => {
    expect(terms(planned('各地社会组织比较', { 社会组织: 10, 各地: 3, 比较: 3 }))).toEqual(['社会', '社会组织', '组织']);
    expect(terms(planned('比较', { 比较: 3 }))).toEqual(['比较']);
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

describe('ranking by how much of the question a passage holds', () => {
  const report = { meta: { doc_id: 'd', place: '许昌市', published: '2025' } } as unknown as Report;
  const passage = (id: number, text: string) => ({ passage_id: `d:${id}`, doc_id: 'd', ordinal: id, start: 0, end: text.length, text }) as unknown as Passage;

  function rank(question: string, texts: readonly string[], scores: readonly number[]): string[] {
    const passages = texts.map((text, id) => passage(id, text));
    const lookup = { passageAt: (id: number) => passages[id], summaryOf: (docId: string) => (docId === report.meta.doc_id ? report : undefined) };
    const search = new PassageSearch({ search: () => scores.map((score, id) => ({ id, score })) }, lookup, {
      tokenizer,
      synonyms: new SynonymTable([]),
      placeNamedBy: (term) => (term === '许昌' || term === '许昌市' ? '许昌市' : undefined),
      termStats: recordTermStatistics({ passages: 100, documentFrequency: { 养老: 40, 服务: 50, 养老服务: 30, 设施: 5, 养老服务设施: 3, 临时救助: 4, 救助: 30, 临时: 5 } }),
    });
    return search.search(question, { limit: 5 }).map((hit) => hit.passage.text);
  }

  it('puts a passage holding every content word above one holding only the rarest', () => {
    const texts = ['临时党支部设在路口', '全县临时救助覆盖城乡'];
    expect(rank('清水县临时救助', texts, [10, 4])[0]).toBe('全县临时救助覆盖城乡');
  });

  it('answers 有多少 with the passage that states the counts', () => {
    const texts = ['规范养老服务设施建设标准', '已建成街道综合养老服务中心28个、社区日间照料中心922个、农村幸福院310个'];
    expect(rank('许昌市养老服务设施有多少', texts, [40, 8])[0]).toBe(texts[1]);
    // Without a quantity question the passage naming the facilities wins.
    expect(rank('许昌市养老服务设施', texts, [40, 8])[0]).toBe(texts[0]);
  });
});

import type { Passage, ReportMeta } from '../corpus/types.js';
import { MinzhengError } from '../errors.js';
import type { SynonymTable } from '../text/synonyms.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { BackendQuery, SearchBackend } from './backend.js';
import type { PassageLookup, ReportSummary, TermStatistics } from '../store/types.js';
import { simplify } from '../text/simplify.js';
import { coverage, coverageFactor, quantityFactor, type ContentWord } from './coverage.js';
import { asksForQuantity, FRAME_WORDS } from './question-words.js';

export interface SearchFilters {
  /** Full place names to keep; empty or absent keeps every place. */
  places?: readonly string[];
  publishedFrom?: number;
  publishedTo?: number;
  limit: number;
}

export interface PassageHit {
  passage: Passage;
  report: ReportSummary;
  score: number;
  /** Share of the query's content words the passage holds (1: all of them). */
  coverage: number;
}

/** What turns a person's words into a query: jieba, synonyms, place names, term statistics. */
export interface QueryLanguage {
  tokenizer: Tokenizer;
  synonyms: SynonymTable;
  /** The full place name a query term names (许昌 → 许昌市), if any. */
  placeNamedBy: (term: string) => string | undefined;
  /** How many passages hold each term. */
  termStats: TermStatistics;
}

/**
 * A term in more passages than this share ranks little (low IDF) and costs most. Measured on the
 * 83 test questions: 0.1 → recall@1 0.83, @5 0.99 (none dropped: 0.80, 0.99; 0.05: 0.76, 0.95).
 */
export const COMMON_TERM_SHARE = 0.1;

/**
 * Common terms are the topic of a civil-affairs question (养老, 服务, 救助 are in every report):
 * the most specific of them are kept, down-weighted, never all dropped. Two bound the postings
 * a query scores at scale.
 */
export const MAX_COMMON_TERMS = 2;
export const COMMON_TERM_WEIGHT = 0.5;

/** How many of the best-ranked passages are ranked again by how much of the question they hold. */
const RERANK_POOL = 200;
/** The same, per place, when each place's best passage is wanted. */
const RERANK_PER_PLACE = 20;

/**
 * A part of a query word (社会 in 社会救助) is scored only while it is in fewer passages than this:
 * past it, its postings cost more than they add beside the whole word's. Small corpora keep every
 * part (recall on the test questions unchanged); at 1 000× it took search p50 from ~76 ms to
 * the figure in the README.
 */
export const SUBWORD_MAX_PASSAGES = 1000;

/** Weight of a synonym relative to the word the person typed. */
const SYNONYM_WEIGHT = 0.8;
/** How much more a passage counts when the query names its report's place ("许昌 低保标准"). */
const NAMED_PLACE_BOOST = 10;

export function publishedYear(meta: Pick<ReportMeta, 'published'>): number | undefined {
  const match = /^(\d{4})/.exec(meta.published);
  return match ? Number(match[1]) : undefined;
}

/**
 * Full-text search over passages: a person's words become jieba terms with their synonyms and
 * the places they name; a SearchBackend ranks passages; hits come back with their reports.
 */
export class PassageSearch {
  constructor(
    private readonly backend: SearchBackend,
    private readonly passages: PassageLookup,
    private readonly language: QueryLanguage,
  ) {}

  /**
   * The backend query for a person's words: every term or its synonyms, places named boosted.
   * `planned` drops the terms that cost most and rank least (see plan): right for a top-k list,
   * not for finding every place's passage.
   */
  buildQuery(written: string, filters: Omit<SearchFilters, 'limit'> = {}, planned = true): BackendQuery {
    const { tokenizer, synonyms, placeNamedBy } = this.language;
    const text = simplify(written);
    const allTerms = [...new Set(tokenizer.tokenize(text))];
    if (allTerms.length === 0) {
      throw new MinzhengError('BAD_ARGUMENT', `没有可检索的词 (the query "${text.slice(0, 100)}" has no searchable words); use Chinese words such as "低保标准" or "养老床位".`);
    }
    const named = allTerms.map(placeNamedBy).filter((place) => place !== undefined);
    const topical = this.topical(allTerms);
    const terms = planned ? this.plan(topical, tokenizer.words(text)) : topical.map((term) => ({ term, weight: 1 }));
    return {
      terms: terms.map(({ term, weight }) => ({
        term,
        alternatives: synonyms.alternativesOf(term).filter((alternative) => !allTerms.includes(alternative)),
        alternativeWeight: SYNONYM_WEIGHT,
        ...(weight !== 1 ? { weight } : {}),
      })),
      ...(filters.places && filters.places.length > 0 ? { places: new Set(filters.places) } : {}),
      ...(filters.publishedFrom !== undefined ? { publishedFrom: filters.publishedFrom } : {}),
      ...(filters.publishedTo !== undefined ? { publishedTo: filters.publishedTo } : {}),
      ...(named.length > 0 ? { boostPlaces: new Set(named) } : {}),
      placeBoost: NAMED_PLACE_BOOST,
    };
  }

  /**
   * The terms that name the topic: a place the query names is boosted, not matched as a word
   * (the title and opening lines name it in every report), and the frame of a question (各地,
   * 哪个, 最高, 比较) is no topic. When nothing else is left, every term is kept.
   */
  private topical(terms: readonly string[]): string[] {
    const topical = terms.filter((term) => this.language.placeNamedBy(term) === undefined && !FRAME_WORDS.has(term));
    return topical.length > 0 ? topical : [...terms];
  }

  /**
   * The terms worth scoring, as postings are what a search costs. Search mode adds the words
   * inside each word (社会救助 → 社会, 救助): when the index holds the whole word, a part in
   * SUBWORD_MAX_PASSAGES passages or more goes. Terms in more than COMMON_TERM_SHARE of passages
   * are the topic of most questions: the MAX_COMMON_TERMS most specific (the query's own words,
   * then the longest) stay at COMMON_TERM_WEIGHT beside rarer terms, at full weight without them.
   */
  private plan(searchTerms: readonly string[], words: readonly string[]): { term: string; weight: number }[] {
    const { passages } = this.language.termStats;
    const frequency = (term: string) => this.language.termStats.frequency(term);
    const wholeWords = words.filter((word) => word.length > 1 && frequency(word) > 0);
    const costlyPart = (term: string) =>
      !words.includes(term) && frequency(term) >= SUBWORD_MAX_PASSAGES && wholeWords.some((word) => word.includes(term));
    const kept = searchTerms.filter((term) => !costlyPart(term));
    const isCommon = (term: string) => frequency(term) > COMMON_TERM_SHARE * passages;
    const rare = kept.filter((term) => !isCommon(term));
    const specific = (term: string) => [Number(!words.includes(term)), -term.length, frequency(term)];
    const common = kept
      .filter(isCommon)
      .sort((a, b) => compareTuples(specific(a), specific(b)))
      .slice(0, MAX_COMMON_TERMS);
    const commonWeight = rare.length > 0 ? COMMON_TERM_WEIGHT : 1;
    return [...rare.map((term) => ({ term, weight: 1 })), ...common.map((term) => ({ term, weight: commonWeight }))];
  }

  /** The question's content words (plain cut, no place, no frame), each with its synonyms and the search terms inside it. */
  private contentWords(text: string): ContentWord[] {
    const { tokenizer, synonyms } = this.language;
    const terms = tokenizer.tokenize(text);
    const words = this.topical([...new Set(tokenizer.words(text))]).filter((word) => word.length > 1 || /\d/.test(word));
    return words
      .map((word) => ({
        forms: [word, ...synonyms.alternativesOf(word)],
        parts: [...new Set(terms.filter((term) => term !== word && term.length > 1 && word.includes(term)))],
      }))
      .filter((word) => [...word.forms, ...word.parts].some((form) => this.language.termStats.frequency(form) > 0));
  }

  /** Passages for a query, best first: BM25, then the best RERANK_POOL ranked again by how much of the query they hold. */
  search(text: string, filters: SearchFilters): PassageHit[] {
    // The backend is asked for the pool only: a bounded store (SQLite) then scores no more than that.
    const ranked = this.backend.search({ ...this.buildQuery(text, filters), limit: Math.max(RERANK_POOL, filters.limit) });
    const pool = this.rescore(text, ranked.slice(0, Math.max(RERANK_POOL, filters.limit)), filters.limit);
    return pool.slice(0, filters.limit);
  }

  /** The best passage of each place that has one, in one search over every term. */
  bestPerPlace(text: string, places: readonly string[]): Map<string, PassageHit> {
    const perPlace = new Map<string, number>();
    const pool: { id: number; score: number }[] = [];
    for (const ranked of this.backend.search(this.buildQuery(text, { places }, false))) {
      const place = this.hitOf(ranked.id)?.report.meta.place;
      if (place === undefined || (perPlace.get(place) ?? 0) >= RERANK_PER_PLACE) continue;
      perPlace.set(place, (perPlace.get(place) ?? 0) + 1);
      pool.push(ranked);
    }
    const best = new Map<string, PassageHit>();
    for (const hit of this.rescore(text, pool)) if (!best.has(hit.report.meta.place)) best.set(hit.report.meta.place, hit);
    return best;
  }

  /**
   * Scores times how much of the question each passage holds (and, for 有多少, whether it states a
   * quantity), best first. Both factors are at most 1, so with `limit` the passages (in score order)
   * are read only until the next score cannot reach the limit-th rescored one: the same best
   * `limit`, without reading every passage of the pool (each a read from a SQLite store).
   */
  private rescore(text: string, ranked: readonly { id: number; score: number }[], limit = Infinity): PassageHit[] {
    const words = this.contentWords(simplify(text));
    const wantsQuantity = asksForQuantity(text);
    const hits: PassageHit[] = [];
    const best: number[] = [];
    for (const { id, score } of ranked) {
      if (best.length >= limit && score <= best[limit - 1]!) break;
      const hit = this.hitOf(id);
      if (!hit) continue;
      const share = coverage(simplify(hit.passage.text), words);
      const quantity = wantsQuantity ? quantityFactor(hit.passage.text) : 1;
      hits.push({ ...hit, score: score * coverageFactor(share) * quantity, coverage: share });
      if (limit !== Infinity) insertDescending(best, hits[hits.length - 1]!.score, limit);
    }
    return hits.sort((a, b) => b.score - a.score);
  }

  private hitOf(id: number): { passage: Passage; report: ReportSummary } | undefined {
    const passage = this.passages.passageAt(id);
    const report = passage && this.passages.summaryOf(passage.doc_id);
    return passage && report ? { passage, report } : undefined;
  }
}

/** Keeps `scores` the `size` highest, descending. */
function insertDescending(scores: number[], score: number, size: number): void {
  let at = scores.length;
  while (at > 0 && scores[at - 1]! < score) at--;
  if (at >= size) return;
  scores.splice(at, 0, score);
  if (scores.length > size) scores.pop();
}

function compareTuples(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

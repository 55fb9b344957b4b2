import type { Passage, ReportMeta } from '../corpus/types.js';
import { MinzhengError } from '../errors.js';
import type { SynonymTable } from '../text/synonyms.js';
import type { Tokenizer } from '../text/tokenizer.js';
import type { BackendQuery, SearchBackend } from './backend.js';
import type { PassageLookup, ReportSummary, TermStatistics } from '../store/types.js';
import { simplify } from '../text/simplify.js';

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
 * A part of a query word (社会 in 社会救助) is scored only while it is in fewer passages than this:
 * past it, its postings cost more than they add beside the whole word's. Small corpora keep every
 * part (recall on the test questions unchanged); at 1 000× it took search p50 from ~76 ms to
 * the figure in the README.
 */
export const SUBWORD_MAX_PASSAGES = 1000;

/** Weight of a synonym relative to the word the person typed. */
const SYNONYM_WEIGHT = 0.8;
/** How much more a passage counts when the query names its report's place ("许昌 低保标准"). */
const NAMED_PLACE_BOOST = 3;

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
      throw new MinzhengError('BAD_ARGUMENT', `The query "${text}" has no searchable words; use Chinese words such as "低保标准" or "养老床位".`);
    }
    const named = allTerms.map(placeNamedBy).filter((place) => place !== undefined);
    const terms = planned ? this.plan(allTerms, tokenizer.words(text)) : allTerms;
    return {
      terms: terms.map((term) => ({
        term,
        alternatives: synonyms.alternativesOf(term).filter((alternative) => !allTerms.includes(alternative)),
        alternativeWeight: SYNONYM_WEIGHT,
      })),
      ...(filters.places && filters.places.length > 0 ? { places: new Set(filters.places) } : {}),
      ...(filters.publishedFrom !== undefined ? { publishedFrom: filters.publishedFrom } : {}),
      ...(filters.publishedTo !== undefined ? { publishedTo: filters.publishedTo } : {}),
      ...(named.length > 0 ? { boostPlaces: new Set(named) } : {}),
      placeBoost: NAMED_PLACE_BOOST,
    };
  }

  /**
   * The terms worth scoring, as postings are what a search costs. Search mode adds the words
   * inside each word (社会救助 → 社会, 救助): when the index holds the whole word, a part in
   * SUBWORD_MAX_PASSAGES passages or more goes. Then terms in more than COMMON_TERM_SHARE of
   * passages go too, unless nothing rarer is left.
   */
  private plan(searchTerms: readonly string[], words: readonly string[]): string[] {
    const { passages } = this.language.termStats;
    const frequency = (term: string) => this.language.termStats.frequency(term);
    const wholeWords = words.filter((word) => word.length > 1 && frequency(word) > 0);
    const costlyPart = (term: string) =>
      !words.includes(term) && frequency(term) >= SUBWORD_MAX_PASSAGES && wholeWords.some((word) => word.includes(term));
    const kept = searchTerms.filter((term) => !costlyPart(term));
    const rare = kept.filter((term) => frequency(term) <= COMMON_TERM_SHARE * passages);
    return rare.length > 0 ? rare : kept;
  }

  /** Passages for a query, best first. */
  search(text: string, filters: SearchFilters): PassageHit[] {
    return this.hits(text, filters, filters.limit);
  }

  /** The best passage of each place that has one, in one search over every term. */
  bestPerPlace(text: string, places: readonly string[]): Map<string, PassageHit> {
    const best = new Map<string, PassageHit>();
    for (const hit of this.hits(text, { places }, Infinity, false)) {
      if (!best.has(hit.report.meta.place)) best.set(hit.report.meta.place, hit);
      if (best.size === places.length) break;
    }
    return best;
  }

  private hits(text: string, filters: Omit<SearchFilters, 'limit'>, limit: number, planned = true): PassageHit[] {
    const hits: PassageHit[] = [];
    const query = this.buildQuery(text, filters, planned);
    for (const { id, score } of this.backend.search(Number.isFinite(limit) ? { ...query, limit } : query)) {
      const passage = this.passages.passageAt(id);
      const report = passage && this.passages.summaryOf(passage.doc_id);
      if (passage && report) hits.push({ passage, report, score });
      if (hits.length >= limit) break;
    }
    return hits;
  }
}

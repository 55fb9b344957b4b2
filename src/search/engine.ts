import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import type { Passage, Report } from '../corpus/types.js';
import { MinzhengError } from '../errors.js';
import type { SynonymTable } from '../text/synonyms.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { QUERY_OPTIONS, type PassageDocument } from './options.js';

export interface SearchFilters {
  /** Full place names to keep; empty or absent keeps every place. */
  places?: readonly string[];
  publishedFrom?: number;
  publishedTo?: number;
  limit: number;
}

export interface PassageHit {
  passage: Passage;
  report: Report;
  score: number;
}

/** Weight of a synonym relative to the word the person typed. */
const SYNONYM_WEIGHT = 0.8;
/** How much more a passage counts when the query names its report's place ("许昌 低保标准"). */
const NAMED_PLACE_BOOST = 3;

export function publishedYear(report: Report): number | undefined {
  const match = /^(\d{4})/.exec(report.meta.published);
  return match ? Number(match[1]) : undefined;
}

/** Full-text search over passages: jieba terms, synonyms expanded, BM25 ranking, filters. */
export class PassageSearch {
  private readonly reportById: Map<string, Report>;
  /** Place and publication year of each passage, by MiniSearch id: boosts and filters look here. */
  private readonly passagePlace: string[];
  private readonly passageYear: (number | undefined)[];

  constructor(
    private readonly miniSearch: MiniSearch<PassageDocument>,
    private readonly passages: readonly Passage[],
    reports: readonly Report[],
    private readonly tokenizer: Tokenizer,
    private readonly synonyms: SynonymTable,
    /** The full place name a query term names (许昌 → 许昌市), if any. */
    private readonly placeNamedBy: (term: string) => string | undefined,
  ) {
    this.reportById = new Map(reports.map((report) => [report.meta.doc_id, report]));
    const reportOf = (passage: Passage) => this.reportById.get(passage.doc_id);
    this.passagePlace = passages.map((passage) => reportOf(passage)?.meta.place ?? '');
    this.passageYear = passages.map((passage) => {
      const report = reportOf(passage);
      return report && publishedYear(report);
    });
  }

  /** The MiniSearch query for a person's words: every term, or any of its synonyms. */
  buildQuery(queryTerms: readonly string[]): Query | undefined {
    const terms = [...new Set(queryTerms)];
    if (terms.length === 0) return undefined;
    return {
      combineWith: 'OR',
      queries: terms.map((term) => {
        const alternatives = this.synonyms.alternativesOf(term).filter((alt) => !terms.includes(alt));
        if (alternatives.length === 0) return term;
        return {
          combineWith: 'OR',
          queries: [term, { queries: [...alternatives], combineWith: 'OR', boostTerm: () => SYNONYM_WEIGHT }],
        } as Query;
      }),
    };
  }

  /** Passages for a query, best first; filters apply inside MiniSearch, before it sorts. */
  search(text: string, filters: SearchFilters): PassageHit[] {
    return this.hits(text, filters).slice(0, filters.limit);
  }

  /** The best passage of each place that has one, in one search. */
  bestPerPlace(text: string, places: readonly string[]): Map<string, PassageHit> {
    const best = new Map<string, PassageHit>();
    for (const hit of this.hits(text, { places, limit: Infinity })) {
      if (!best.has(hit.report.meta.place)) best.set(hit.report.meta.place, hit);
      if (best.size === places.length) break;
    }
    return best;
  }

  private hits(text: string, filters: SearchFilters): PassageHit[] {
    const queryTerms = this.tokenizer.tokenize(text);
    const query = this.buildQuery(queryTerms);
    if (!query) {
      throw new MinzhengError('BAD_ARGUMENT', `The query "${text}" has no searchable words; use Chinese words such as "低保标准" or "养老床位".`);
    }
    const keepPlaces = filters.places && filters.places.length > 0 ? new Set(filters.places) : undefined;
    const { publishedFrom, publishedTo } = filters;
    const keep = (id: number): boolean => {
      if (keepPlaces && !keepPlaces.has(this.passagePlace[id] ?? '')) return false;
      if (publishedFrom === undefined && publishedTo === undefined) return true;
      const year = this.passageYear[id];
      if (year === undefined) return false;
      return (publishedFrom === undefined || year >= publishedFrom) && (publishedTo === undefined || year <= publishedTo);
    };
    const filtered = keepPlaces || publishedFrom !== undefined || publishedTo !== undefined;
    const namedPlaces = new Set(queryTerms.map(this.placeNamedBy).filter((place) => place !== undefined));
    const results = this.miniSearch.search(query, {
      ...QUERY_OPTIONS,
      ...(namedPlaces.size > 0 ? { boostDocument: (id: number) => (namedPlaces.has(this.passagePlace[id] ?? '') ? NAMED_PLACE_BOOST : 1) } : {}),
      ...(filtered ? { filter: (result) => keep(result.id as number) } : {}),
    });
    const hits: PassageHit[] = [];
    for (const result of results) {
      const passage = this.passages[result.id as number];
      const report = passage && this.reportById.get(passage.doc_id);
      if (passage && report) hits.push({ passage, report, score: result.score });
      if (hits.length >= filters.limit) break;
    }
    return hits;
  }
}

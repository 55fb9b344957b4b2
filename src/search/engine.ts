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

export function publishedYear(report: Report): number | undefined {
  const match = /^(\d{4})/.exec(report.meta.published);
  return match ? Number(match[1]) : undefined;
}

/** Full-text search over passages: jieba terms, synonyms expanded, BM25 ranking, filters. */
export class PassageSearch {
  private readonly reportById: Map<string, Report>;

  constructor(
    private readonly miniSearch: MiniSearch<PassageDocument>,
    private readonly passages: readonly Passage[],
    reports: readonly Report[],
    private readonly tokenizer: Tokenizer,
    private readonly synonyms: SynonymTable,
  ) {
    this.reportById = new Map(reports.map((report) => [report.meta.doc_id, report]));
  }

  /** The MiniSearch query for a person's words: every term, or any of its synonyms. */
  buildQuery(text: string): Query | undefined {
    const terms = [...new Set(this.tokenizer.tokenize(text))];
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

  search(text: string, filters: SearchFilters): PassageHit[] {
    const query = this.buildQuery(text);
    if (!query) {
      throw new MinzhengError('BAD_ARGUMENT', `The query "${text}" has no searchable words; use Chinese words such as "低保标准" or "养老床位".`);
    }
    const keepPlaces = filters.places && filters.places.length > 0 ? new Set(filters.places) : undefined;
    const hits: PassageHit[] = [];
    for (const result of this.miniSearch.search(query, QUERY_OPTIONS)) {
      const passage = this.passages[result.id as number];
      const report = passage && this.reportById.get(passage.doc_id);
      if (!passage || !report) continue;
      if (keepPlaces && !keepPlaces.has(report.meta.place)) continue;
      const year = publishedYear(report);
      if (filters.publishedFrom !== undefined && (year === undefined || year < filters.publishedFrom)) continue;
      if (filters.publishedTo !== undefined && (year === undefined || year > filters.publishedTo)) continue;
      hits.push({ passage, report, score: result.score });
      if (hits.length >= filters.limit) break;
    }
    return hits;
  }
}

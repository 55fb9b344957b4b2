/**
 * The seam between the product and the engine that ranks passages. Everything above it (jieba
 * terms, synonyms, places named in a query, filters, citations) is the product's; a backend only
 * ranks passage ids for a query given as data. MiniSearch (in memory) is the one here; a corpus
 * that outgrows one process would put e.g. OpenSearch behind the same interface (README).
 */

/** A word of the query and the other words that may stand for it, with their weight. */
export interface QueryTerm {
  term: string;
  alternatives: readonly string[];
  alternativeWeight: number;
  /** How much the term counts (1 when absent): common topic words count less than rare ones. */
  weight?: number;
}

export interface BackendQuery {
  terms: readonly QueryTerm[];
  /** Keep only passages of these places (full names). */
  places?: ReadonlySet<string>;
  publishedFrom?: number;
  publishedTo?: number;
  /** Passages of these places rank higher, by `placeBoost`. */
  boostPlaces?: ReadonlySet<string>;
  placeBoost: number;
  /** How many of the best passages are wanted (a backend may return only those); absent: all. */
  limit?: number;
}

export interface RankedPassage {
  /** Position of the passage in the index's passage list. */
  id: number;
  score: number;
}

export interface SearchBackend {
  /** Matching passages, best first. */
  search(query: BackendQuery): RankedPassage[];
}

import type MiniSearch from 'minisearch';
import type { Query, SearchOptions } from 'minisearch';
import type { BackendQuery, RankedPassage, SearchBackend } from './backend.js';
import { QUERY_OPTIONS, type PassageDocument } from './options.js';

/**
 * BM25 over MiniSearch in this process. Place and year live in arrays by passage id, so boosts
 * and filters cost an array lookup per matching passage.
 */
export class MiniSearchBackend implements SearchBackend {
  constructor(
    private readonly miniSearch: MiniSearch<PassageDocument>,
    private readonly passagePlace: readonly string[],
    private readonly passageYear: readonly (number | undefined)[],
  ) {}

  search(query: BackendQuery): RankedPassage[] {
    const options: SearchOptions = { ...QUERY_OPTIONS };
    const { places, publishedFrom, publishedTo, boostPlaces, placeBoost } = query;
    if (boostPlaces && boostPlaces.size > 0) {
      options.boostDocument = (id: number) => (boostPlaces.has(this.passagePlace[id] ?? '') ? placeBoost : 1);
    }
    if (places || publishedFrom !== undefined || publishedTo !== undefined) {
      options.filter = (result) => this.keeps(result.id as number, query);
    }
    return this.miniSearch.search(toMiniSearchQuery(query), options).map((result) => ({ id: result.id as number, score: result.score }));
  }

  private keeps(id: number, { places, publishedFrom, publishedTo }: BackendQuery): boolean {
    if (places && !places.has(this.passagePlace[id] ?? '')) return false;
    if (publishedFrom === undefined && publishedTo === undefined) return true;
    const year = this.passageYear[id];
    if (year === undefined) return false;
    return (publishedFrom === undefined || year >= publishedFrom) && (publishedTo === undefined || year <= publishedTo);
  }
}

/** Any term at its weight, or any of its alternatives at their lower weight (an inner boostTerm replaces the outer one: they are multiplied here). */
function toMiniSearchQuery({ terms }: BackendQuery): Query {
  return {
    combineWith: 'OR',
    queries: terms.map(({ term, alternatives, alternativeWeight, weight = 1 }) => {
      if (alternatives.length === 0) return weight === 1 ? term : ({ queries: [term], combineWith: 'OR', boostTerm: () => weight } as Query);
      return {
        combineWith: 'OR',
        queries: [term, { queries: [...alternatives], combineWith: 'OR', boostTerm: () => alternativeWeight * weight }],
        ...(weight !== 1 ? { boostTerm: () => weight } : {}),
      } as Query;
    }),
  };
}

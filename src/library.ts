import { Gazetteer } from './places/gazetteer.js';
import { PlaceRegistry } from './places/registry.js';
import type { Citation, Passage, Report } from './corpus/types.js';
import { MinzhengError } from './errors.js';
import { IndicatorBook } from './indicators/book.js';
import { ChangeBook } from './indicators/change-book.js';
import { loadPlaces } from './places/places.js';
import { PassageSearch, type PassageHit } from './search/engine.js';
import type { Manifest } from './search/types.js';
import type { ReportStore, ReportSummary } from './store/types.js';
import type { SynonymTable } from './text/synonyms.js';
import type { Tokenizer } from './text/tokenizer.js';

export type { Citation } from './corpus/types.js';

export interface LibraryParts {
  store: ReportStore;
  tokenizer: Tokenizer;
  synonyms: SynonymTable;
  /** The gazetteer, when the caller already has it (a build); otherwise loaded on first use. */
  gazetteer?: Gazetteer;
  /** Checks too slow for a start (a large store's full freshness check): run once the handshake is answered. */
  afterHandshake?: () => void;
}

export interface SearchRequest {
  query: string;
  places?: readonly string[];
  publishedFrom?: number;
  publishedTo?: number;
  limit: number;
}

export function citationOf(passage: Passage): Citation {
  return { doc_id: passage.doc_id, start: passage.start, end: passage.end, quote: passage.text };
}

/** The reports, their passages and the search over them: what every tool reads from, whichever store holds them. */
export class ReportLibrary {
  readonly places: PlaceRegistry;
  readonly manifest: Manifest;
  readonly tokenizer: Tokenizer;
  readonly indicators: IndicatorBook;
  readonly changes: ChangeBook;
  readonly store: ReportStore;
  private searchEngine: PassageSearch | undefined;
  private parts: LibraryParts;

  constructor(parts: LibraryParts) {
    this.store = parts.store;
    this.manifest = parts.store.manifest;
    this.tokenizer = parts.tokenizer;
    // A SQLite store gives its places without reading every report: a start reads no report list.
    this.places = new PlaceRegistry(parts.store.placeMetas?.() ?? parts.store.reports.map((report) => report.meta), () => parts.gazetteer ?? Gazetteer.load());
    this.indicators = new IndicatorBook(parts.store.figures, this.places);
    this.changes = new ChangeBook(() => this.reports, (docId) => this.store.report(docId), (docId) => this.passagesOf(docId), () => loadPlaces(this.places.gazetteer));
    this.parts = parts;
  }

  /** Every report's metadata (a SQLite store reads them when first asked). */
  get reports(): readonly ReportSummary[] {
    return this.store.reports;
  }

  /** The passage search, its index loaded on first use. */
  private get search(): PassageSearch {
    if (!this.searchEngine) {
      const { store, tokenizer, synonyms } = this.parts;
      const placeNamedBy = (term: string) => this.places.find(term)?.name;
      this.searchEngine = new PassageSearch(store.searchBackend(), store, { tokenizer, synonyms, placeNamedBy, termStats: store.termStats });
    }
    return this.searchEngine;
  }

  /** Loads the search index now (the server does it right after the handshake). The gazetteer waits for a place argument that needs it. */
  preloadSearch(logger?: { warn(message: string): void }): void {
    try {
      void this.search;
    } catch (error) {
      // The first search will say so again; a start must not end on it.
      logger?.warn(`search is not available: ${(error as Error).message}`);
    }
    // Once per library, however many sessions (HTTP) finish their handshake.
    const afterHandshake = this.parts.afterHandshake;
    this.parts.afterHandshake = undefined;
    try {
      afterHandshake?.();
    } catch (error) {
      logger?.warn(`the check after the start failed: ${(error as Error).message}`);
    }
  }

  getReport(docId: string): Report {
    const report = this.store.report(docId.trim());
    if (!report) {
      const ids = this.reports.slice(0, 21).map((r) => r.meta.doc_id);
      const known = this.reports.length > 20 ? `${ids.slice(0, 20).join(', ')} …and ${this.reports.length - 20} more` : ids.join(', ');
      throw new MinzhengError('UNKNOWN_DOCUMENT', `没有这份报告 No report "${docId.slice(0, 100)}". Known doc_ids: ${known}. Use list_reports to see them.`);
    }
    return report;
  }

  passagesOf(docId: string): readonly Passage[] {
    return this.store.passagesOf(docId);
  }

  getPassage(passageId: string): Passage {
    const passage = this.store.passage(passageId.trim());
    if (!passage) {
      const example = this.reports[0] ? this.store.passagesOf(this.reports[0].meta.doc_id, 0, 1)[0]?.passage_id : undefined;
      throw new MinzhengError('UNKNOWN_PASSAGE', `No passage "${passageId}". Passage ids look like "${example ?? 'doc:000'}"; take them from search_reports results.`);
    }
    return passage;
  }

  /** Passages around one passage of the same report. */
  neighbours(passage: Passage, context: number): { before: Passage[]; after: Passage[] } {
    return {
      before: this.store.passagesOf(passage.doc_id, passage.ordinal - context, passage.ordinal),
      after: this.store.passagesOf(passage.doc_id, passage.ordinal + 1, passage.ordinal + 1 + context),
    };
  }

  /** The best passage of each of `places` (full names) for a topic. */
  bestPassagePerPlace(topic: string, places: readonly string[]): Map<string, PassageHit> {
    return this.search.bestPerPlace(topic, places);
  }

  searchPassages(request: SearchRequest): PassageHit[] {
    const places = request.places ? this.places.expand(request.places) : undefined;
    return this.search.search(request.query, {
      places,
      publishedFrom: request.publishedFrom,
      publishedTo: request.publishedTo,
      limit: request.limit,
    });
  }
}

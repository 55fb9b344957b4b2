import type MiniSearch from 'minisearch';
import { Gazetteer } from './places/gazetteer.js';
import { PlaceRegistry } from './places/registry.js';
import type { Citation, Passage, Report } from './corpus/types.js';
import { MinzhengError } from './errors.js';
import { groupBy } from './group-by.js';
import { IndicatorBook } from './indicators/book.js';
import { ChangeBook } from './indicators/change-book.js';
import { loadPlaces } from './places/places.js';
import type { Figure } from './indicators/types.js';
import { PassageSearch, publishedYear, type PassageHit } from './search/engine.js';
import { MiniSearchBackend } from './search/minisearch-backend.js';
import type { PassageDocument } from './search/options.js';
import type { Manifest, TermStats } from './search/types.js';
import type { SynonymTable } from './text/synonyms.js';
import type { Tokenizer } from './text/tokenizer.js';

export type { Citation } from './corpus/types.js';

export interface LibraryParts {
  manifest: Manifest;
  reports: Report[];
  passages: Passage[];
  figures: Figure[];
  termStats: TermStats;
  /** The search index, or how to load it (the largest part of an index: loaded on first use). */
  miniSearch: MiniSearch<PassageDocument> | (() => MiniSearch<PassageDocument>);
  tokenizer: Tokenizer;
  synonyms: SynonymTable;
  /** The gazetteer, when the caller already has it (a build); otherwise loaded on first use. */
  gazetteer?: Gazetteer;
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

/** The reports, their passages and the search over them: what every tool reads from. */
export class ReportLibrary {
  readonly places: PlaceRegistry;
  readonly manifest: Manifest;
  readonly reports: readonly Report[];
  readonly tokenizer: Tokenizer;
  readonly indicators: IndicatorBook;
  readonly changes: ChangeBook;
  private readonly reportById: Map<string, Report>;
  private readonly passageById: Map<string, Passage>;
  private readonly passagesByDoc: Map<string, Passage[]>;
  private searchEngine: PassageSearch | undefined;
  private readonly parts: LibraryParts;

  constructor(parts: LibraryParts) {
    this.manifest = parts.manifest;
    this.reports = parts.reports;
    this.tokenizer = parts.tokenizer;
    this.places = new PlaceRegistry(parts.reports.map((report) => report.meta), () => parts.gazetteer ?? Gazetteer.load());
    this.reportById = new Map(parts.reports.map((report) => [report.meta.doc_id, report]));
    this.passageById = new Map(parts.passages.map((passage) => [passage.passage_id, passage]));
    this.passagesByDoc = groupBy(parts.passages, (passage) => passage.doc_id);
    this.indicators = new IndicatorBook(parts.figures, this.places);
    this.changes = new ChangeBook(parts.reports, (docId) => this.passagesOf(docId), () => loadPlaces(this.places.gazetteer));
    this.parts = parts;
  }

  /** The passage search, its index loaded on first use. */
  private get search(): PassageSearch {
    if (!this.searchEngine) {
      const { miniSearch, passages, reports, tokenizer, synonyms, termStats } = this.parts;
      const index = typeof miniSearch === 'function' ? miniSearch() : miniSearch;
      const placeOf = passages.map((passage) => this.reportById.get(passage.doc_id)?.meta.place ?? '');
      const yearOf = passages.map((passage) => {
        const report = this.reportById.get(passage.doc_id);
        return report && publishedYear(report);
      });
      const backend = new MiniSearchBackend(index, placeOf, yearOf);
      const placeNamedBy = (term: string) => this.places.find(term)?.name;
      this.searchEngine = new PassageSearch(backend, passages, reports, { tokenizer, synonyms, placeNamedBy, termStats });
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
  }

  getReport(docId: string): Report {
    const report = this.reportById.get(docId.trim());
    if (!report) {
      const ids = this.reports.map((r) => r.meta.doc_id);
      const known = ids.length > 20 ? `${ids.slice(0, 20).join(', ')} …and ${ids.length - 20} more` : ids.join(', ');
      throw new MinzhengError('UNKNOWN_DOCUMENT', `没有这份报告 No report "${docId.slice(0, 100)}". Known doc_ids: ${known}. Use list_reports to see them.`);
    }
    return report;
  }

  passagesOf(docId: string): readonly Passage[] {
    return this.passagesByDoc.get(docId) ?? [];
  }

  getPassage(passageId: string): Passage {
    const passage = this.passageById.get(passageId.trim());
    if (!passage) {
      throw new MinzhengError(
        'UNKNOWN_PASSAGE',
        `No passage "${passageId}". Passage ids look like "${this.passageById.keys().next().value ?? 'doc:000'}"; take them from search_reports results.`,
      );
    }
    return passage;
  }

  /** Passages around one passage of the same report. */
  neighbours(passage: Passage, context: number): { before: Passage[]; after: Passage[] } {
    const all = this.passagesOf(passage.doc_id);
    return {
      before: all.slice(Math.max(0, passage.ordinal - context), passage.ordinal),
      after: all.slice(passage.ordinal + 1, passage.ordinal + 1 + context),
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

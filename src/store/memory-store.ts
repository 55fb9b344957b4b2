import type MiniSearch from 'minisearch';
import type { Passage, Report } from '../corpus/types.js';
import { groupBy } from '../group-by.js';
import type { Figure } from '../indicators/types.js';
import type { SearchBackend } from '../search/backend.js';
import { publishedYear } from '../search/engine.js';
import { MiniSearchBackend } from '../search/minisearch-backend.js';
import type { PassageDocument } from '../search/options.js';
import type { Manifest, TermStats } from '../search/types.js';
import { recordTermStatistics, type FigureSource, type ReportStore, type ReportSummary, type TermStatistics } from './types.js';

export interface MemoryStoreParts {
  manifest: Manifest;
  reports: Report[];
  passages: Passage[];
  figures: Figure[];
  termStats: TermStats;
  /** The search index, or how to load it (the largest part of an index: loaded on first use). */
  miniSearch: MiniSearch<PassageDocument> | (() => MiniSearch<PassageDocument>);
}

/** An index held whole in this process: the bundled corpus and small corpora (MiniSearch). */
export class MemoryStore implements ReportStore {
  readonly kind = 'minisearch';
  readonly manifest: Manifest;
  readonly reports: readonly Report[];
  readonly figures: FigureSource;
  readonly termStats: TermStatistics;
  private readonly reportById: Map<string, Report>;
  private readonly passageById: Map<string, Passage>;
  private readonly passagesByDoc: Map<string, Passage[]>;
  private backend: SearchBackend | undefined;

  constructor(private readonly parts: MemoryStoreParts) {
    this.manifest = parts.manifest;
    this.reports = parts.reports;
    this.termStats = recordTermStatistics(parts.termStats);
    this.reportById = new Map(parts.reports.map((report) => [report.meta.doc_id, report]));
    this.passageById = new Map(parts.passages.map((passage) => [passage.passage_id, passage]));
    this.passagesByDoc = groupBy(parts.passages, (passage) => passage.doc_id);
    const byIndicator = groupBy(parts.figures, (figure) => figure.indicator);
    this.figures = { figuresOf: (indicatorId) => byIndicator.get(indicatorId) ?? [] };
  }

  report(docId: string): Report | undefined {
    return this.reportById.get(docId);
  }

  summaryOf(docId: string): ReportSummary | undefined {
    return this.reportById.get(docId);
  }

  passage(passageId: string): Passage | undefined {
    return this.passageById.get(passageId);
  }

  passageAt(id: number): Passage | undefined {
    return this.parts.passages[id];
  }

  passagesOf(docId: string, from = 0, to = Infinity): Passage[] {
    return (this.passagesByDoc.get(docId) ?? []).slice(Math.max(0, from), to);
  }

  /** The MiniSearch index itself (loaded now if it was not). */
  get miniSearch(): MiniSearch<PassageDocument> {
    const { miniSearch } = this.parts;
    return typeof miniSearch === 'function' ? miniSearch() : miniSearch;
  }

  searchBackend(): SearchBackend {
    if (!this.backend) {
      const { passages } = this.parts;
      const index = this.miniSearch;
      const placeOf = passages.map((passage) => this.reportById.get(passage.doc_id)?.meta.place ?? '');
      const yearOf = passages.map((passage) => {
        const report = this.reportById.get(passage.doc_id);
        return report && publishedYear(report.meta);
      });
      this.backend = new MiniSearchBackend(index, placeOf, yearOf);
    }
    return this.backend;
  }
}

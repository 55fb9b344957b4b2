import type { Passage, Report, ReportMeta } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import type { SearchBackend } from '../search/backend.js';
import type { Manifest } from '../search/types.js';

/** Where an index keeps what the tools read: MiniSearch and JSON files in memory, or one SQLite file read on demand. */
export type StoreKind = 'minisearch' | 'sqlite';
export const STORE_KINDS: readonly StoreKind[] = ['minisearch', 'sqlite'];

/** A report without its text: what lists and place look-ups need. */
export type ReportSummary = Omit<Report, 'text'>;

/** How many passages hold a term, and how many passages there are: query planning reads it. */
export interface TermStatistics {
  passages: number;
  frequency(term: string): number;
}

/** The extracted figures of one indicator. */
export interface FigureSource {
  figuresOf(indicatorId: string): readonly Figure[];
}

/** Passages by the number a backend ranks them by, and the reports they belong to. */
export interface PassageLookup {
  passageAt(id: number): Passage | undefined;
  summaryOf(docId: string): ReportSummary | undefined;
}

/**
 * The narrowest view of an index the tools need: every report's metadata at hand, everything
 * else (texts, passages, figures, term statistics, the search index) by key.
 */
export interface ReportStore extends PassageLookup {
  readonly kind: StoreKind;
  readonly manifest: Manifest;
  readonly reports: readonly ReportSummary[];
  /** One report's metadata per place, in corpus file order, when the store can give it without reading every report. */
  placeMetas?(): ReportMeta[];
  readonly figures: FigureSource;
  readonly termStats: TermStatistics;
  report(docId: string): Report | undefined;
  passage(passageId: string): Passage | undefined;
  /** Passages of a report with ordinals from `from` (inclusive) to `to` (exclusive). */
  passagesOf(docId: string, from?: number, to?: number): Passage[];
  /** The search backend; its index is loaded on first use. */
  searchBackend(): SearchBackend;
}

/** Term statistics held as a plain record (the MiniSearch store's term-stats.json). */
export function recordTermStatistics(stats: { passages: number; documentFrequency: Record<string, number> }): TermStatistics {
  return { passages: stats.passages, frequency: (term) => (Object.hasOwn(stats.documentFrequency, term) ? stats.documentFrequency[term]! : 0) };
}

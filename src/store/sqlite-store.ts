import path from 'node:path';
import type Database from 'better-sqlite3';
import { passageId } from '../corpus/passages.js';
import type { Passage, Report, ReportMeta } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import type { SearchBackend } from '../search/backend.js';
import { SqliteBackend, spanContaining, type ReportSpan } from '../search/sqlite-backend.js';
import type { Manifest } from '../search/types.js';
import { POSTING_CAP } from './sqlite-impacts.js';
import { SQLITE_FILE, openStoreFile } from './sqlite-schema.js';
import type { FigureSource, ReportStore, ReportSummary, TermStatistics } from './types.js';

interface StoredReport extends ReportSummary, ReportSpan {
  rowId: number;
}

/** Report texts kept after a read: a passage and its neighbours come from the same report. */
const TEXT_CACHE_SIZE = 16;

/**
 * An index in one SQLite file, read on demand: at open only every report's metadata and passage
 * span (one row each); a text, a passage, an indicator's figures or a term's statistics are each
 * one indexed read when a tool asks for them.
 */
export class SqliteStore implements ReportStore {
  readonly kind = 'sqlite';
  /** In corpus file order, as the MiniSearch store lists them (an update adds rows at the end). */
  readonly reports: readonly StoredReport[];
  /** The same, by first passage id: a passage id's report is found by bisection. */
  private readonly spans: readonly StoredReport[];
  readonly figures: FigureSource;
  readonly termStats: TermStatistics;
  private readonly byDocId: Map<string, StoredReport>;
  private readonly texts = new Map<string, string>();
  private readonly read;
  private backend: SearchBackend | undefined;

  constructor(
    private readonly db: Database.Database,
    /** The index folder the store file is in. */
    readonly directory: string,
    readonly manifest: Manifest,
    /** Postings a common term may score; Infinity scores all (the exhaustive ranking the bench compares with). */
    private readonly postingCap = manifest.posting_cap ?? POSTING_CAP,
  ) {
    const rows = db.prepare('SELECT id, file, meta, year, first_passage, passage_count FROM reports ORDER BY first_passage').all() as {
      id: number;
      file: string;
      meta: string;
      year: number | null;
      first_passage: number;
      passage_count: number;
    }[];
    this.spans = rows.map((row) => {
      const meta = JSON.parse(row.meta) as ReportMeta;
      return { meta, file: row.file, rowId: row.id, first: row.first_passage, count: row.passage_count, place: meta.place, year: row.year ?? undefined };
    });
    this.reports = [...this.spans].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    this.byDocId = new Map(this.reports.map((report) => [report.meta.doc_id, report]));
    this.read = {
      text: db.prepare('SELECT text FROM reports WHERE id = ?').pluck(),
      spans: db.prepare('SELECT start, end FROM passages WHERE id BETWEEN ? AND ? ORDER BY id').raw(),
      figures: db.prepare('SELECT figure FROM figures WHERE indicator = ? ORDER BY id').pluck(),
      term: db.prepare('SELECT passages FROM terms WHERE term = ?').pluck(),
    };
    this.figures = { figuresOf: (indicatorId) => (this.read.figures.all(indicatorId) as string[]).map((json) => JSON.parse(json) as Figure) };
    const frequency = new Map<string, number>();
    this.termStats = {
      passages: manifest.counts.passages,
      frequency: (term) => {
        if (!frequency.has(term)) frequency.set(term, (this.read.term.get(term) as number | undefined) ?? 0);
        return frequency.get(term)!;
      },
    };
  }

  static open(indexDir: string, manifest: Manifest, postingCap?: number): SqliteStore {
    return new SqliteStore(openStoreFile(path.join(indexDir, SQLITE_FILE), { readonly: true }), indexDir, manifest, postingCap);
  }

  summaryOf(docId: string): ReportSummary | undefined {
    return this.byDocId.get(docId);
  }

  report(docId: string): Report | undefined {
    const stored = this.byDocId.get(docId);
    return stored && { meta: stored.meta, file: stored.file, text: this.textOf(stored) };
  }

  passage(id: string): Passage | undefined {
    const colon = id.lastIndexOf(':');
    const ordinal = /^\d+$/.test(id.slice(colon + 1)) ? Number(id.slice(colon + 1)) : NaN;
    const stored = colon > 0 ? this.byDocId.get(id.slice(0, colon)) : undefined;
    if (!stored || !(ordinal < stored.count) || passageId(stored.meta.doc_id, ordinal) !== id) return undefined;
    return this.passagesOf(stored.meta.doc_id, ordinal, ordinal + 1)[0];
  }

  passageAt(id: number): Passage | undefined {
    const stored = this.spanOf(id);
    return stored && this.passagesOf(stored.meta.doc_id, id - stored.first, id - stored.first + 1)[0];
  }

  passagesOf(docId: string, from = 0, to = Infinity): Passage[] {
    const stored = this.byDocId.get(docId);
    const first = Math.max(0, from);
    const last = Math.min(to, stored?.count ?? 0) - 1;
    if (!stored || last < first) return [];
    const text = this.textOf(stored);
    const spans = this.read.spans.all(stored.first + first, stored.first + last) as [number, number][];
    return spans.map(([start, end], i) => ({ passage_id: passageId(docId, first + i), doc_id: docId, ordinal: first + i, start, end, text: text.slice(start, end) }));
  }

  searchBackend(): SearchBackend {
    this.backend ??= new SqliteBackend(this.db, this.spans, { postingCap: this.postingCap, listsAbove: this.manifest.posting_cap ?? POSTING_CAP });
    return this.backend;
  }

  /** The stamps of the corpus files the store was built from (the full freshness check reads them). */
  corpusStamps(): Record<string, { sha256: string; size: number; mtime_ms: number }> {
    const rows = this.db.prepare('SELECT file, sha256, size, mtime_ms FROM corpus_files').all() as { file: string; sha256: string; size: number; mtime_ms: number }[];
    return Object.fromEntries(rows.map(({ file, ...stamp }) => [file, stamp]));
  }

  close(): void {
    this.db.close();
  }

  private textOf(stored: StoredReport): string {
    let text = this.texts.get(stored.meta.doc_id);
    if (text === undefined) {
      text = this.read.text.get(stored.rowId) as string;
      if (this.texts.size >= TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(stored.meta.doc_id, text);
    }
    return text;
  }

  private spanOf(id: number): StoredReport | undefined {
    return spanContaining(this.spans, id);
  }
}

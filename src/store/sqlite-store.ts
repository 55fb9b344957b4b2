import path from 'node:path';
import type Database from 'better-sqlite3';
import { passageId } from '../corpus/passages.js';
import type { Passage, Report, ReportMeta } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import type { SearchBackend } from '../search/backend.js';
import { SqliteBackend, spanContaining, type ReportSpan } from '../search/sqlite-backend.js';
import type { Manifest } from '../search/types.js';
import { readReportSpans, type StoredSpan } from './report-spans.js';
import { sliceUtf8 } from './utf8-slice.js';
import { POSTING_CAP } from './sqlite-impacts.js';
import { SQLITE_FILE, openStoreFile } from './sqlite-schema.js';
import type { FigureSource, ReportStore, ReportSummary, TermStatistics } from './types.js';

interface StoredReport extends ReportSummary, ReportSpan {
  rowId: number;
}

/** Report texts kept after a read (as UTF-8: a passage's part is decoded alone): a passage and its neighbours come from the same report. */
const TEXT_CACHE_SIZE = 16;

type ReportRow = { id: number; file: string; meta: string; first_passage: number; passage_count: number; year: number | null };

/**
 * An index in one SQLite file, read on demand: a start reads nothing but the distinct places;
 * the passage spans (one packed row, report-spans.ts) are read at the first search or
 * passage read, every report's metadata when a tool lists them; a text, a passage, an
 * indicator's figures or a term's statistics are each one indexed read when a tool asks.
 */
export class SqliteStore implements ReportStore {
  readonly kind = 'sqlite';
  private allReports: StoredReport[] | undefined;
  private allSpans: StoredSpan[] | undefined;
  private spanByDocId: Map<string, StoredSpan> | undefined;
  readonly figures: FigureSource;
  readonly termStats: TermStatistics;
  private readonly summaries = new Map<string, ReportSummary | undefined>();
  private readonly texts = new Map<string, Buffer>();
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
    this.read = {
      text: db.prepare('SELECT CAST(text AS BLOB) FROM report_texts WHERE id = ?').pluck(),
      spans: db.prepare('SELECT start, end FROM passages WHERE id BETWEEN ? AND ? ORDER BY id').raw(),
      figures: db.prepare('SELECT figure FROM figures WHERE indicator = ? ORDER BY id').pluck(),
      term: db.prepare('SELECT passages FROM terms WHERE term = ?').pluck(),
      stamp: db.prepare('SELECT sha256, size, mtime_ms FROM corpus_files WHERE file = ?'),
      summary: db.prepare('SELECT id, file, meta, first_passage, passage_count, year FROM reports WHERE doc_id = ?'),
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

  /** Every report, in corpus file order as the MiniSearch store lists them (read on first use). */
  get reports(): readonly ReportSummary[] {
    this.allReports ??= (this.db.prepare('SELECT id, file, meta, first_passage, passage_count, year FROM reports ORDER BY file').all() as ReportRow[]).map(stored);
    return this.allReports;
  }

  /** One report of each place (distinct place and code): what the place registry needs, without reading every report. */
  placeMetas(): ReportMeta[] {
    // One report per place from the (place, place_code) index alone (min(file) would read every row);
    // places in the file order of those reports, as the MiniSearch store's list meets them after a full build.
    const rows = this.db.prepare('SELECT meta FROM reports WHERE id IN (SELECT min(id) FROM reports GROUP BY place, place_code) ORDER BY file').pluck().all() as string[];
    return rows.map((meta) => JSON.parse(meta) as ReportMeta);
  }

  /** Every report's passage span, by first passage id (a passage id's report is found by bisection). */
  private get spans(): readonly StoredSpan[] {
    this.allSpans ??= readReportSpans(this.db);
    return this.allSpans;
  }

  /** A report's span by doc_id (the map is made when a doc_id is first asked for: a search finds spans by passage id). */
  private spanOfDoc(docId: string): StoredSpan | undefined {
    this.spanByDocId ??= new Map(this.spans.map((span) => [span.docId, span]));
    return this.spanByDocId.get(docId);
  }

  static open(indexDir: string, manifest: Manifest, postingCap?: number): SqliteStore {
    return new SqliteStore(openStoreFile(path.join(indexDir, SQLITE_FILE), { readonly: true }), indexDir, manifest, postingCap);
  }

  summaryOf(docId: string): ReportSummary | undefined {
    if (!this.summaries.has(docId)) {
      const row = this.read.summary.get(docId) as ReportRow | undefined;
      if (this.summaries.size >= SUMMARY_CACHE_SIZE) this.summaries.delete(this.summaries.keys().next().value!);
      this.summaries.set(docId, row && stored(row));
    }
    return this.summaries.get(docId);
  }

  report(docId: string): Report | undefined {
    const summary = this.summaryOf(docId);
    const span = summary && this.spanOfDoc(docId);
    return summary && span && { meta: summary.meta, file: summary.file, text: this.textOf(span).toString('utf8') };
  }

  passage(id: string): Passage | undefined {
    const colon = id.lastIndexOf(':');
    const ordinal = /^\d+$/.test(id.slice(colon + 1)) ? Number(id.slice(colon + 1)) : NaN;
    const span = colon > 0 ? this.spanOfDoc(id.slice(0, colon)) : undefined;
    if (!span || !(ordinal < span.count) || passageId(span.docId, ordinal) !== id) return undefined;
    return this.passagesOf(span.docId, ordinal, ordinal + 1)[0];
  }

  passageAt(id: number): Passage | undefined {
    const span = spanContaining(this.spans, id);
    return span && this.passagesIn(span, id - span.first, id - span.first + 1)[0];
  }

  passagesOf(docId: string, from = 0, to = Infinity): Passage[] {
    const span = this.spanOfDoc(docId);
    return span ? this.passagesIn(span, from, to) : [];
  }

  private passagesIn(span: StoredSpan, from: number, to: number): Passage[] {
    const first = Math.max(0, from);
    const last = Math.min(to, span.count) - 1;
    if (last < first) return [];
    const text = this.textOf(span);
    const spans = this.read.spans.all(span.first + first, span.first + last) as [number, number][];
    return spans.map(([start, end], i) => ({ passage_id: passageId(span.docId, first + i), doc_id: span.docId, ordinal: first + i, start, end, text: sliceUtf8(text, start, end) }));
  }

  searchBackend(): SearchBackend {
    this.backend ??= new SqliteBackend(this.db, this.spans, { postingCap: this.postingCap, listsAbove: this.manifest.posting_cap ?? POSTING_CAP });
    return this.backend;
  }

  /** The stamp of one corpus file the store was built from (the check after the handshake reads them one at a time). */
  corpusStamp(file: string): { sha256: string; size: number; mtime_ms: number } | undefined {
    return this.read.stamp.get(file) as { sha256: string; size: number; mtime_ms: number } | undefined;
  }

  /** Every corpus file's stamp, in one scan (the full content check reads them all: 50 000 point reads took 1.1 s at 10 000×, one scan 0.35 s). */
  corpusStampTable(): Record<string, { sha256: string; size: number; mtime_ms: number }> {
    const stamps: Record<string, { sha256: string; size: number; mtime_ms: number }> = {};
    for (const row of this.db.prepare('SELECT file, sha256, size, mtime_ms FROM corpus_files').all() as { file: string; sha256: string; size: number; mtime_ms: number }[]) {
      stamps[row.file] = { sha256: row.sha256, size: row.size, mtime_ms: row.mtime_ms };
    }
    return stamps;
  }

  /** Every corpus file the store was built from. */
  corpusFiles(): string[] {
    return this.db.prepare('SELECT file FROM corpus_files').pluck().all() as string[];
  }

  close(): void {
    this.db.close();
  }

  /** A report's text as stored (UTF-8). */
  private textOf(span: StoredSpan): Buffer {
    let text = this.texts.get(span.docId);
    if (text === undefined) {
      text = this.read.text.get(span.rowId) as Buffer;
      if (this.texts.size >= TEXT_CACHE_SIZE) this.texts.delete(this.texts.keys().next().value!);
      this.texts.set(span.docId, text);
    }
    return text;
  }
}

/** Summaries kept after a point read (a search's hits come from a few hundred reports at most). */
const SUMMARY_CACHE_SIZE = 2048;

function stored(row: ReportRow): StoredReport {
  const meta = JSON.parse(row.meta) as ReportMeta;
  return { meta, file: row.file, rowId: row.id, first: row.first_passage, count: row.passage_count, place: meta.place, year: row.year ?? undefined };
}

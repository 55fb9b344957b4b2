import type Database from 'better-sqlite3';
import { splitPassages } from '../corpus/passages.js';
import type { Report } from '../corpus/types.js';
import { extractFigures } from '../indicators/extract.js';
import type { Places } from '../places/places.js';
import { publishedYear } from '../search/engine.js';
import { placeNames } from '../search/build.js';
import { simplify } from '../text/simplify.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { packLengths, writeLengthChunks } from './passage-lengths.js';
import { encodeVector } from './passage-vectors.js';
import { writeReportSpans } from './report-spans.js';
import { termToken } from './sqlite-schema.js';

interface TermEntry {
  id: number;
  passages: number;
  /** Passages of removed reports that still hold it in FTS5. */
  dead: number;
}

/**
 * Adds and removes reports of a SQLite store one at a time: a report, its passages (jieba terms
 * into FTS5), its figures. Term statistics are kept in memory (one entry per distinct term) and
 * written by `finish`. Only the report at hand is ever held: no whole-corpus string.
 */
export class StoreWriter {
  /** Every dictionary word jieba can use on the text written: the query dictionary keeps these. */
  readonly dictionaryWords = new Set<string>();
  /** Terms whose passages changed: their impact lists are rebuilt (sqlite-impacts.ts). */
  readonly touchedTerms = new Set<number>();
  private readonly terms = new Map<string, TermEntry>();
  private nextTermId = 1;
  /** What FTS5 counts: every row and token ever inserted. */
  private ftsRows = 0;
  private ftsTokens = 0;
  private nextPassage: number;
  private nextReport: number;
  /** An update of an existing store: its passage lengths are patched with what changed, not re-read. */
  private readonly lengthChanges: { added: number[]; removed: [number, number][] } | undefined;
  private readonly insert;

  constructor(
    private readonly db: Database.Database,
    private readonly tokenizer: Tokenizer,
    private readonly places: Places,
  ) {
    for (const row of db.prepare('SELECT id, term, passages, dead FROM terms').iterate() as Iterable<{ id: number; term: string; passages: number; dead: number }>) {
      this.terms.set(row.term, { id: row.id, passages: row.passages, dead: row.dead });
      this.nextTermId = Math.max(this.nextTermId, row.id + 1);
    }
    const totals = db.prepare('SELECT rows, tokens FROM fts_totals').get() as { rows: number; tokens: number } | undefined;
    this.ftsRows = totals?.rows ?? 0;
    this.ftsTokens = totals?.tokens ?? 0;
    this.nextPassage = ((db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1) + 1;
    this.nextReport = ((db.prepare('SELECT max(id) AS id FROM reports').get() as { id: number | null }).id ?? -1) + 1;
    this.lengthChanges = this.nextReport > 0 ? { added: [], removed: [] } : undefined;
    this.insert = {
      report: db.prepare('INSERT INTO reports (id, doc_id, file, place, place_code, year, first_passage, passage_count, meta) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'),
      text: db.prepare('INSERT INTO report_texts (id, text, token_counts, term_counts) VALUES (?, ?, ?, ?)'),
      passage: db.prepare('INSERT INTO passages (id, report, start, end, terms) VALUES (?, ?, ?, ?, ?)'),
      terms: db.prepare('INSERT INTO passage_terms (rowid, terms) VALUES (?, ?)'),
      figure: db.prepare('INSERT INTO figures (indicator, report, figure) VALUES (?, ?, ?)'),
    };
  }

  /** Indexes one report; returns how many passages it has. */
  add(report: Report): number {
    const reportId = this.nextReport++;
    this.lengthChanges?.added.push(reportId);
    const passages = splitPassages(report.meta.doc_id, report.text);
    // Traditional characters are indexed as simplified ones (same length: offsets are unchanged).
    const searchText = simplify(report.text);
    this.collectWords(placeNames(report, this.places));
    const first = this.nextPassage;
    const tokenCounts: number[] = [];
    const termCounts: number[] = [];
    for (const passage of passages) {
      const id = this.nextPassage++;
      const text = searchText.slice(passage.start, passage.end);
      this.collectWords(text);
      const tokens = this.tokenizer.tokenize(text);
      const distinct = new Set(tokens);
      for (const term of distinct) this.countTerm(term, 1);
      const ids = tokens.map((term) => this.terms.get(term)!.id);
      const frequencies = new Map<number, number>();
      for (const termId of ids) frequencies.set(termId, (frequencies.get(termId) ?? 0) + 1);
      this.insert.passage.run(id, reportId, passage.start, passage.end, encodeVector(frequencies));
      tokenCounts.push(tokens.length);
      termCounts.push(distinct.size);
      this.ftsRows += 1;
      this.ftsTokens += tokens.length;
      this.insert.terms.run(id, ids.map(termToken).join(' '));
    }
    const { meta, file, text } = report;
    this.insert.report.run(reportId, meta.doc_id, file, meta.place, meta.place_code ?? '', publishedYear(meta) ?? null, first, passages.length, JSON.stringify(meta));
    this.insert.text.run(reportId, text, packLengths(tokenCounts), packLengths(termCounts));
    for (const figure of extractFigures(report, passages, this.places, searchText)) {
      this.insert.figure.run(figure.indicator, reportId, JSON.stringify(figure));
    }
    return passages.length;
  }

  /** Removes a report (a changed or deleted corpus file): its rows and term counts; its FTS rows stay, dead (see sqlite-schema.ts). */
  remove(docId: string): void {
    const row = this.db.prepare('SELECT r.id, t.text, r.first_passage, r.passage_count FROM reports r JOIN report_texts t ON t.id = r.id WHERE r.doc_id = ?').get(docId) as
      | { id: number; text: string; first_passage: number; passage_count: number }
      | undefined;
    if (!row) return;
    const searchText = simplify(row.text);
    const spans = this.db.prepare('SELECT id, start, end FROM passages WHERE report = ?').all(row.id) as { id: number; start: number; end: number }[];
    for (const span of spans) {
      for (const term of new Set(this.tokenizer.tokenize(searchText.slice(span.start, span.end)))) {
        this.countTerm(term, -1);
        this.terms.get(term)!.dead += 1;
      }
    }
    const last = row.first_passage + row.passage_count - 1;
    this.lengthChanges?.removed.push([row.first_passage, row.passage_count]);
    this.db.prepare('DELETE FROM top_postings WHERE passage BETWEEN ? AND ?').run(row.first_passage, last);
    this.db.prepare('DELETE FROM passages WHERE report = ?').run(row.id);
    this.db.prepare('DELETE FROM figures WHERE report = ?').run(row.id);
    this.db.prepare('DELETE FROM reports WHERE id = ?').run(row.id);
    this.db.prepare('DELETE FROM report_texts WHERE id = ?').run(row.id);
  }

  /** Writes the term statistics, FTS5's totals, the passages' lengths and the reports' spans. */
  finish(): void {
    this.db.prepare('DELETE FROM terms').run();
    const insert = this.db.prepare('INSERT INTO terms (id, term, passages, dead) VALUES (?, ?, ?, ?)');
    for (const [term, entry] of this.terms) if (entry.passages > 0 || entry.dead > 0) insert.run(entry.id, term, entry.passages, entry.dead);
    this.db.prepare('DELETE FROM fts_totals').run();
    this.db.prepare('INSERT INTO fts_totals (rows, tokens) VALUES (?, ?)').run(this.ftsRows, this.ftsTokens);
    writeLengthChunks(this.db, this.lengthChanges);
    writeReportSpans(this.db);
  }

  /** Counts a passage holding a term (`delta` +1 on add, −1 on remove). */
  private countTerm(term: string, delta: number): void {
    let entry = this.terms.get(term);
    if (!entry) {
      entry = { id: this.nextTermId++, passages: 0, dead: 0 };
      this.terms.set(term, entry);
    }
    entry.passages += delta;
    this.touchedTerms.add(entry.id);
  }

  private collectWords(text: string): void {
    for (const word of this.tokenizer.dictionaryWordsIn(text)) this.dictionaryWords.add(word);
  }
}

import { createRequire } from 'node:module';
import type Database from 'better-sqlite3';

const require = createRequire(import.meta.url);

/** The native binding, loaded when a SQLite store is first opened (a MiniSearch start never loads it). */
function sqlite(): typeof Database {
  return require('better-sqlite3') as typeof Database;
}

/** The one file of the SQLite store (beside it: manifest.json and the jieba dictionary files). */
export const SQLITE_FILE = 'store.sqlite';

/**
 * Reports, passages, figures and term statistics as tables; passages' jieba terms in FTS5.
 * A passage's FTS row holds its terms as ids ("t1f t2b …"): unicode61 then keeps every jieba
 * word whole and exact, as MiniSearch does (it would split 3.13 at the dot, fold Latin case and
 * drop marks). Place and year are indexed columns of a passage's report; a report's passages
 * have consecutive ids, so a place filter is a few rowid ranges. A removed report's FTS rows stay
 * (FTS5 does not update its statistics on delete): its terms count as `dead` and fts_totals keeps
 * what FTS5 counts, so its bm25() can still be read exactly (passage-lengths.ts). A passage row
 * holds its terms with their frequencies (passage-vectors.ts); passage_lengths holds every
 * passage's lengths in chunks (read as passages are scored; length_totals holds their sums);
 * report_spans every report's passage span, place and year packed in one row (report-spans.ts).
 * Texts are kept apart from the reports' metadata: reading every report's span at a start then
 * reads small rows, not every text's pages.
 */
const SCHEMA = `
CREATE TABLE reports (
  id INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  file TEXT NOT NULL UNIQUE,
  place TEXT NOT NULL,
  place_code TEXT NOT NULL,
  year INTEGER,
  first_passage INTEGER NOT NULL,
  passage_count INTEGER NOT NULL,
  meta TEXT NOT NULL
);
CREATE TABLE report_texts (id INTEGER PRIMARY KEY, text TEXT NOT NULL, token_counts BLOB NOT NULL, term_counts BLOB NOT NULL);
CREATE INDEX reports_place ON reports(place, place_code);
CREATE INDEX reports_year ON reports(year);
CREATE TABLE passages (id INTEGER PRIMARY KEY, report INTEGER NOT NULL, start INTEGER NOT NULL, end INTEGER NOT NULL, terms BLOB NOT NULL);
CREATE TABLE passage_lengths (chunk INTEGER PRIMARY KEY, tokens BLOB NOT NULL, terms BLOB NOT NULL);
CREATE TABLE length_totals (passages INTEGER NOT NULL, terms INTEGER NOT NULL);
CREATE TABLE report_spans (id INTEGER PRIMARY KEY, numbers BLOB NOT NULL, doc_ids TEXT NOT NULL, places TEXT NOT NULL);
CREATE TABLE figures (id INTEGER PRIMARY KEY, indicator TEXT NOT NULL, report INTEGER NOT NULL, figure TEXT NOT NULL);
CREATE INDEX figures_indicator ON figures(indicator);
CREATE INDEX figures_report ON figures(report);
CREATE TABLE terms (id INTEGER PRIMARY KEY, term TEXT NOT NULL UNIQUE, passages INTEGER NOT NULL, dead INTEGER NOT NULL);
CREATE TABLE fts_totals (rows INTEGER NOT NULL, tokens INTEGER NOT NULL);
CREATE TABLE top_postings (term INTEGER NOT NULL, impact REAL NOT NULL, passage INTEGER NOT NULL, PRIMARY KEY (term, impact, passage)) WITHOUT ROWID;
CREATE TABLE corpus_files (file TEXT PRIMARY KEY, sha256 TEXT NOT NULL, size INTEGER NOT NULL, mtime_ms REAL NOT NULL);
CREATE VIRTUAL TABLE passage_terms USING fts5(terms, content='', tokenize='unicode61');
`;

export function createStoreFile(file: string): Database.Database {
  const db = new (sqlite())(file);
  // A new generation's file: a crash loses the generation, never the live store (generation.ts).
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -65536');
  db.exec(SCHEMA);
  return db;
}

export function openStoreFile(file: string, options: { readonly: boolean }): Database.Database {
  const db = new (sqlite())(file, { readonly: options.readonly, fileMustExist: true });
  db.pragma('cache_size = -16384');
  return db;
}

/** The FTS5 token of a term id. */
export function termToken(id: number): string {
  return `t${id.toString(36)}`;
}

/**
 * FTS5's own IDF (fts5_aux.c, fts5Bm25Function): a term's score is idf × impact, so a posting's
 * impact stored at build is scored with the idf of the day.
 */
export function fts5Idf(passages: number, withTerm: number): number {
  const idf = Math.log((passages - withTerm + 0.5) / (withTerm + 0.5));
  return idf <= 0 ? 1e-6 : idf;
}

import type Database from 'better-sqlite3';
import { fts5Idf } from './sqlite-schema.js';

/** MiniSearch's BM25+ parameters (its defaults): the SQLite store ranks exactly as the MiniSearch store does. */
const K = 1.2;
const B = 0.7;
const D = 0.5;
/** FTS5's bm25() constants (fts5_aux.c). */
const FTS5_K1 = 1.2;
const FTS5_B = 0.75;

/** MiniSearch's IDF of a term in `withTerm` of `passages` passages. */
export function miniSearchIdf(passages: number, withTerm: number): number {
  return Math.log(1 + (passages - withTerm + 0.5) / (withTerm + 0.5));
}

/** Lengths of a report's passages as stored (two bytes each). */
export function packLengths(lengths: readonly number[]): Buffer {
  return Buffer.from(Uint16Array.from(lengths, (length) => Math.min(length, 0xffff)).buffer);
}

/**
 * Every passage's length in tokens (what FTS5's bm25() normalises by) and in distinct terms (what
 * MiniSearch normalises by). With them, an FTS5 bm25() score gives back the term's frequency in
 * the passage, and from it the score MiniSearch would give: the two stores rank identically.
 */
export class PassageLengths {
  private readonly avgTerms: number;
  /** FTS5's own average length, over every row it holds (removed reports' too). */
  private readonly ftsAvgTokens: number;

  private constructor(
    private readonly tokens: Uint16Array,
    private readonly terms: Uint16Array,
    readonly passages: number,
    private readonly fts: { rows: number; tokens: number },
  ) {
    let termSum = 0;
    for (let i = 0; i < terms.length; i++) termSum += terms[i]!;
    this.avgTerms = passages > 0 ? termSum / passages : 1;
    this.ftsAvgTokens = fts.rows > 0 ? fts.tokens / fts.rows : 1;
  }

  static load(db: Database.Database): PassageLengths {
    const size = ((db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1) + 1;
    const passages = (db.prepare('SELECT count(*) AS n FROM passages').get() as { n: number }).n;
    const tokens = new Uint16Array(size);
    const terms = new Uint16Array(size);
    const rows = db.prepare('SELECT first_passage, token_counts, term_counts FROM reports').raw().iterate() as Iterable<[number, Buffer, Buffer]>;
    for (const [first, tokenCounts, termCounts] of rows) {
      tokens.set(new Uint16Array(tokenCounts.buffer, tokenCounts.byteOffset, tokenCounts.byteLength / 2), first);
      terms.set(new Uint16Array(termCounts.buffer, termCounts.byteOffset, termCounts.byteLength / 2), first);
    }
    const fts = (db.prepare('SELECT rows, tokens FROM fts_totals').get() as { rows: number; tokens: number } | undefined) ?? { rows: 0, tokens: 0 };
    return new PassageLengths(tokens, terms, passages, fts);
  }

  /** Whether a passage id is one of a served report (removed reports' rows stay in FTS5); a passage holding a term has tokens. */
  isServed(id: number): boolean {
    return (this.tokens[id] ?? 0) > 0;
  }

  /**
   * MiniSearch's score of a term in a passage without the IDF, from FTS5's bm25() of it:
   * bm25 = idf × tf(k1+1) / (tf + k1(1 − b + b·tokens/avg)) is solved for tf (a whole number).
   * FTS5 counts rows of removed reports too: `term` gives the live and dead passages holding it.
   */
  impact(id: number, fts5Score: number, term: { passages: number; dead: number }): number {
    const ratio = fts5Score / fts5Idf(this.fts.rows, term.passages + term.dead);
    const norm = FTS5_K1 * (1 - FTS5_B + (FTS5_B * (this.tokens[id] ?? 0)) / this.ftsAvgTokens);
    const tf = Math.max(1, Math.round((ratio * norm) / (FTS5_K1 + 1 - ratio)));
    return D + (tf * (K + 1)) / (tf + K * (1 - B + (B * (this.terms[id] ?? 0)) / this.avgTerms));
  }
}

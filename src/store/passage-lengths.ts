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
 * A chunk of lengths is read when a passage in it is first scored (at 10 000×, reading all 918
 * chunks into two arrays held the first search ~0.13 s); the averages are stored beside them.
 */
export class PassageLengths {
  readonly passages: number;
  private readonly avgTerms: number;
  /** FTS5's own average length, over every row it holds (removed reports' too). */
  private readonly ftsAvgTokens: number;
  private readonly ftsRows: number;
  /** One entry per chunk of passage ids (undefined until read). */
  private readonly chunks: (Lengths | undefined)[];
  private readonly chunkRow;

  private constructor(db: Database.Database, totals: { passages: number; terms: number }, fts: { rows: number; tokens: number }) {
    this.chunkRow = db.prepare('SELECT tokens, terms FROM passage_lengths WHERE chunk = ?').raw();
    const size = ((db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1) + 1;
    this.chunks = Array.from({ length: Math.ceil(size / LENGTH_CHUNK) }, () => undefined);
    this.passages = totals.passages;
    this.avgTerms = totals.passages > 0 ? totals.terms / totals.passages : 1;
    this.ftsAvgTokens = fts.rows > 0 ? fts.tokens / fts.rows : 1;
    this.ftsRows = fts.rows;
  }

  /** The store's lengths, read a chunk at a time as passages are scored (`writeLengthChunks` wrote them). */
  static load(db: Database.Database): PassageLengths {
    const totals = (db.prepare('SELECT passages, terms FROM length_totals').get() as { passages: number; terms: number } | undefined) ?? { passages: 0, terms: 0 };
    const fts = (db.prepare('SELECT rows, tokens FROM fts_totals').get() as { rows: number; tokens: number } | undefined) ?? { rows: 0, tokens: 0 };
    return new PassageLengths(db, totals, fts);
  }

  /** MiniSearch's score of a term found `frequency` times in a passage, without the IDF. */
  impactOf(id: number, frequency: number): number {
    return D + (frequency * (K + 1)) / (frequency + K * (1 - B + (B * this.termsIn(id)) / this.avgTerms));
  }

  /** Whether a passage id is one of a served report (removed reports' rows stay in FTS5); a passage holding a term has tokens. */
  isServed(id: number): boolean {
    return this.tokensOf(id) > 0;
  }

  /**
   * MiniSearch's score of a term in a passage without the IDF, from FTS5's bm25() of it:
   * bm25 = idf × tf(k1+1) / (tf + k1(1 − b + b·tokens/avg)) is solved for tf (a whole number).
   * FTS5 counts rows of removed reports too: `term` gives the live and dead passages holding it.
   */
  impact(id: number, fts5Score: number, term: { passages: number; dead: number }): number {
    const ratio = fts5Score / fts5Idf(this.ftsRows, term.passages + term.dead);
    const norm = FTS5_K1 * (1 - FTS5_B + (FTS5_B * this.tokensOf(id)) / this.ftsAvgTokens);
    const tf = Math.max(1, Math.round((ratio * norm) / (FTS5_K1 + 1 - ratio)));
    return this.impactOf(id, tf);
  }

  private tokensOf(id: number): number {
    return this.chunkOf(id).tokens[id & CHUNK_MASK] ?? 0;
  }

  /** A passage's distinct terms (MiniSearch's length): of two passages, the shorter scores a word found once higher. */
  termsIn(id: number): number {
    return this.chunkOf(id).terms[id & CHUNK_MASK] ?? 0;
  }

  /** The chunk holding a passage's lengths, read on first use (past the last chunk: none, every length 0). */
  private chunkOf(id: number): Lengths {
    const at = id >>> CHUNK_BITS;
    if (at >= this.chunks.length) return NO_LENGTHS;
    let chunk = this.chunks[at];
    if (!chunk) {
      const row = this.chunkRow.get(at) as [Buffer, Buffer] | undefined;
      chunk = row ? { tokens: asUint16(row[0]), terms: asUint16(row[1]) } : NO_LENGTHS;
      this.chunks[at] = chunk;
    }
    return chunk;
  }
}

interface Lengths {
  tokens: Uint16Array;
  terms: Uint16Array;
}

const NO_LENGTHS: Lengths = { tokens: new Uint16Array(0), terms: new Uint16Array(0) };

/** Passages per row of passage_lengths: 2 ** CHUNK_BITS. */
const CHUNK_BITS = 12;
const LENGTH_CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = LENGTH_CHUNK - 1;

function asUint16(blob: Buffer): Uint16Array {
  // A blob's bytes need not be 2-aligned inside Node's buffer pool: copy when they are not.
  return blob.byteOffset % 2 === 0 ? new Uint16Array(blob.buffer, blob.byteOffset, blob.byteLength / 2) : new Uint16Array(new Uint8Array(blob).buffer);
}

/** What an update changed: the reports added (their ids) and the passage ranges of those removed. */
export interface LengthChanges {
  added: readonly number[];
  removed: readonly (readonly [number, number])[];
}

/**
 * Rewrites passage_lengths (and the totals beside it) from the reports' per-passage lengths (a new store), or patches it
 * with what an update changed: the lengths of every other report are not read again (they sit
 * behind their report's text in report_texts).
 */
export function writeLengthChunks(db: Database.Database, changes?: LengthChanges): void {
  const size = ((db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1) + 1;
  const tokens = new Uint16Array(Math.ceil(size / LENGTH_CHUNK) * LENGTH_CHUNK);
  const terms = new Uint16Array(tokens.length);
  const lengths = changes
    ? changes.added.map((id) => db.prepare('SELECT r.first_passage, t.token_counts, t.term_counts FROM reports r JOIN report_texts t ON t.id = r.id WHERE r.id = ?').raw().get(id) as [number, Buffer, Buffer])
    : (db.prepare('SELECT r.first_passage, t.token_counts, t.term_counts FROM reports r JOIN report_texts t ON t.id = r.id').raw().iterate() as Iterable<[number, Buffer, Buffer]>);
  if (changes) {
    for (const [chunk, tokenCounts, termCounts] of db.prepare('SELECT chunk, tokens, terms FROM passage_lengths').raw().iterate() as Iterable<[number, Buffer, Buffer]>) {
      const at = chunk * LENGTH_CHUNK;
      tokens.set(asUint16(tokenCounts).subarray(0, Math.max(0, tokens.length - at)), at);
      terms.set(asUint16(termCounts).subarray(0, Math.max(0, terms.length - at)), at);
    }
    for (const [first, count] of changes.removed) {
      tokens.fill(0, first, first + count);
      terms.fill(0, first, first + count);
    }
  }
  for (const [first, tokenCounts, termCounts] of lengths) {
    tokens.set(asUint16(tokenCounts), first);
    terms.set(asUint16(termCounts), first);
  }
  db.prepare('DELETE FROM passage_lengths').run();
  // Summed over the reports' small rows: count(*) of passages would read every passage's vector.
  const passages = (db.prepare('SELECT sum(passage_count) AS n FROM reports').get() as { n: number | null }).n ?? 0;
  let termSum = 0;
  for (let i = 0; i < terms.length; i++) termSum += terms[i]!;
  db.prepare('DELETE FROM length_totals').run();
  db.prepare('INSERT INTO length_totals (passages, terms) VALUES (?, ?)').run(passages, termSum);
  const insert = db.prepare('INSERT INTO passage_lengths (chunk, tokens, terms) VALUES (?, ?, ?)');
  for (let chunk = 0; chunk * LENGTH_CHUNK < size; chunk++) {
    const range = [chunk * LENGTH_CHUNK, (chunk + 1) * LENGTH_CHUNK] as const;
    insert.run(chunk, Buffer.from(tokens.slice(...range).buffer), Buffer.from(terms.slice(...range).buffer));
  }
}

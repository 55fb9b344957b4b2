import type Database from 'better-sqlite3';
import { PassageLengths } from './passage-lengths.js';
import { termToken } from './sqlite-schema.js';

/**
 * A term in more passages than this has a list of its POSTING_CAP best postings (impact-ordered,
 * precomputed at build), which the threshold search (search/threshold-search.ts) reads only as deep
 * as it needs instead of all postings: a query's cost does not grow with the corpus. 4000 rather
 * than 2000: with candidates completed from their vectors, the deeper lists keep 0.976 of the
 * exhaustive top-8 score at 1000× (bench/store-side-by-side.mjs).
 */
export const POSTING_CAP = 4000;

/** FTS5's best postings read for a term's list, re-ranked by MiniSearch's impact (its length normalisation differs a little). */
const CANDIDATES_PER_KEPT = 3;

/** A term's best postings by impact: its BM25 score in the passage without the IDF (which changes as reports are added). */
function topPostings(db: Database.Database, lengths: PassageLengths, termId: number, term: { passages: number; dead: number }, cap: number, range?: [number, number]) {
  const sql = `SELECT rowid AS id, -bm25(passage_terms) AS score FROM passage_terms WHERE passage_terms MATCH ?${range ? ' AND rowid BETWEEN ? AND ?' : ''} ORDER BY rank LIMIT ?`;
  const rows = db.prepare(sql).raw().all(termToken(termId), ...(range ?? []), CANDIDATES_PER_KEPT * cap) as [number, number][];
  // Rows of removed reports stay in FTS5 (sqlite-schema.ts): only passages still served count.
  const scored = rows.filter(([id]) => lengths.isServed(id)).map(([id, score]) => ({ id, impact: lengths.impact(id, score, term) }));
  return scored.sort((a, b) => b.impact - a.impact || a.id - b.id).slice(0, cap);
}

/**
 * Rebuilds the impact lists of the given terms (all of a new store's). With `added`, the passage
 * ids of the reports just added: a list that already existed only takes those passages' postings
 * and keeps its best POSTING_CAP (an incremental add re-reads the added report's postings only).
 */
export function updateImpactLists(db: Database.Database, termIds: Iterable<number>, added?: [number, number], cap = POSTING_CAP): void {
  const lengths = PassageLengths.load(db);
  const termOf = db.prepare('SELECT passages, dead FROM terms WHERE id = ?');
  const listSize = db.prepare('SELECT count(*) AS n FROM top_postings WHERE term = ?');
  const clear = db.prepare('DELETE FROM top_postings WHERE term = ?');
  const insert = db.prepare('INSERT OR REPLACE INTO top_postings (term, impact, passage) VALUES (?, ?, ?)');
  const trim = db.prepare(
    'DELETE FROM top_postings WHERE term = @term AND passage NOT IN (SELECT passage FROM top_postings WHERE term = @term ORDER BY impact DESC LIMIT @cap)',
  );
  for (const termId of termIds) {
    const term = (termOf.get(termId) as { passages: number; dead: number } | undefined) ?? { passages: 0, dead: 0 };
    if (term.passages <= cap) {
      clear.run(termId);
      continue;
    }
    const hasList = (listSize.get(termId) as { n: number }).n > 0;
    if (!added || !hasList) clear.run(termId);
    for (const { id, impact } of topPostings(db, lengths, termId, term, cap, hasList ? added : undefined)) insert.run(termId, impact, id);
    if (added && hasList) trim.run({ term: termId, cap });
  }
}

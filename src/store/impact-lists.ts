import type Database from 'better-sqlite3';

/** Entries of a term's impact list, best first: passage ids and their impacts. */
export interface ListSlice {
  ids: ArrayLike<number>;
  impacts: ArrayLike<number>;
  length: number;
}

/** Lists kept in memory, most recently read: each at most the store's cap (4 000 entries, 48 kB). */
const LISTS_KEPT = 128;

interface KeptList {
  ids: Int32Array;
  impacts: Float64Array;
  /** Entries read so far (a list is read only as deep as a search has needed). */
  read: number;
  ended: boolean;
}

/**
 * Common terms' impact lists (top_postings) as typed arrays, kept for the terms searched most
 * recently: a question's topic words (低保, 养老, 救助) recur from one question to the next, and at
 * 10 000× a search read up to 12 000 entries from SQLite (~0.5 µs each) before any was scored.
 * A store file is never written while open (generations are replaced whole): nothing goes stale.
 */
export class ImpactLists {
  private readonly entries;
  private readonly kept = new Map<number, KeptList>();

  constructor(db: Database.Database) {
    this.entries = db.prepare('SELECT passage, impact FROM top_postings WHERE term = ? ORDER BY impact DESC LIMIT ? OFFSET ?').raw();
  }

  /** Entries `from` to `to` (exclusive) of a term's list, best first (fewer past its end). */
  slice(termId: number, from: number, to: number): ListSlice {
    let list = this.kept.get(termId);
    if (list) this.kept.delete(termId);
    else list = { ids: new Int32Array(0), impacts: new Float64Array(0), read: 0, ended: false };
    this.kept.set(termId, list);
    if (this.kept.size > LISTS_KEPT) this.kept.delete(this.kept.keys().next().value!);
    if (to > list.read && !list.ended) this.readTo(termId, list, to);
    const end = Math.min(to, list.read);
    const start = Math.min(from, end);
    return { ids: list.ids.subarray(start, end), impacts: list.impacts.subarray(start, end), length: end - start };
  }

  private readTo(termId: number, list: KeptList, to: number): void {
    const rows = this.entries.all(termId, to - list.read, list.read) as [number, number][];
    const ids = new Int32Array(list.read + rows.length);
    const impacts = new Float64Array(ids.length);
    ids.set(list.ids.subarray(0, list.read));
    impacts.set(list.impacts.subarray(0, list.read));
    for (let i = 0; i < rows.length; i++) {
      ids[list.read + i] = rows[i]![0];
      impacts[list.read + i] = rows[i]![1];
    }
    list.ended = rows.length < to - list.read;
    list.ids = ids;
    list.impacts = impacts;
    list.read += rows.length;
  }
}

import type Database from 'better-sqlite3';

/** Passage ids bound per statement: the threshold search completes candidates 64 at a time. */
const IDS_PER_READ = 64;

/**
 * Passages' stored term vectors (passage-vectors.ts) read by id, a batch per statement: the ids
 * bound as parameters (unused ones −1, no passage), the batch's vectors back as one hex string
 * (with the ids and lengths beside it) and decoded at once. A row per passage cost ~3.2 µs at
 * 10 000×, ~1.5 µs of it a Buffer made for each vector; one row per batch ~1.7 µs a passage.
 * Through json_each() the ids cost ~1.5× as much again.
 */
export class VectorReads {
  private readonly byIds;
  private readonly inRange;

  constructor(db: Database.Database) {
    const ids = Array.from({ length: IDS_PER_READ }, () => '?').join(',');
    this.byIds = db.prepare(`SELECT group_concat(id), group_concat(length(terms)), group_concat(hex(terms), '') FROM passages WHERE id IN (${ids})`).raw();
    this.inRange = db.prepare('SELECT id, terms FROM passages WHERE id BETWEEN ? AND ?').raw();
  }

  /** The vectors of the given passages (a passage that is not stored has none). */
  of(ids: readonly number[]): Map<number, Uint8Array> {
    const vectors = new Map<number, Uint8Array>();
    const bound = new Array<number>(IDS_PER_READ);
    for (let at = 0; at < ids.length; at += IDS_PER_READ) {
      for (let i = 0; i < IDS_PER_READ; i++) bound[i] = at + i < ids.length ? ids[at + i]! : -1;
      const [found, lengths, hex] = this.byIds.get(bound) as [string | null, string | null, string | null];
      if (found === null || lengths === null || hex === null) continue;
      const bytes = Buffer.from(hex, 'hex');
      const sizes = lengths.split(',');
      let start = 0;
      found.split(',').forEach((id, i) => {
        const end = start + Number(sizes[i]);
        vectors.set(Number(id), bytes.subarray(start, end));
        start = end;
      });
    }
    return vectors;
  }

  /** Every vector of passages `first` to `last`, by id. */
  range(first: number, last: number): [number, Buffer][] {
    return this.inRange.all(first, last) as [number, Buffer][];
  }
}

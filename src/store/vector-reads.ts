import type Database from 'better-sqlite3';

/** Passage ids bound per statement: the threshold search completes candidates 64 at a time. */
const IDS_PER_READ = 64;

/**
 * Passages' stored term vectors (passage-vectors.ts) read by id, a batch per statement: the ids
 * bound as parameters (unused ones −1, no passage). Through json_each() the same read cost
 * ~1.5× as much at 10 000× (the ids parsed, then an ephemeral index built over them).
 */
export class VectorReads {
  private readonly byIds;
  private readonly inRange;

  constructor(db: Database.Database) {
    this.byIds = db.prepare(`SELECT id, terms FROM passages WHERE id IN (${Array.from({ length: IDS_PER_READ }, () => '?').join(',')})`).raw();
    this.inRange = db.prepare('SELECT id, terms FROM passages WHERE id BETWEEN ? AND ?').raw();
  }

  /** The vectors of the given passages (a passage that is not stored has none). */
  of(ids: readonly number[]): Map<number, Buffer> {
    const vectors = new Map<number, Buffer>();
    const bound = new Array<number>(IDS_PER_READ);
    for (let at = 0; at < ids.length; at += IDS_PER_READ) {
      for (let i = 0; i < IDS_PER_READ; i++) bound[i] = at + i < ids.length ? ids[at + i]! : -1;
      for (const [id, vector] of this.byIds.all(bound) as [number, Buffer][]) vectors.set(id, vector);
    }
    return vectors;
  }

  /** Every vector of passages `first` to `last`, by id. */
  range(first: number, last: number): [number, Buffer][] {
    return this.inRange.all(first, last) as [number, Buffer][];
  }
}

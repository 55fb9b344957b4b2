import type Database from 'better-sqlite3';

/**
 * A term's postings with its frequency in each passage, from FTS5's instance vocabulary (one row
 * per occurrence, in passage id order). bm25() gave the frequency back too, but it reads each
 * row's size from FTS5's docsize table: at 1 000× it cost ~1 µs a posting, the instances ~0.3 µs.
 * The vocabulary is a temp table over the store's FTS5 table: a read-only store can have it.
 */
export class TermPostings {
  private readonly instances;

  constructor(db: Database.Database) {
    db.exec('CREATE VIRTUAL TABLE IF NOT EXISTS temp.passage_instances USING fts5vocab(main, passage_terms, instance)');
    this.instances = db.prepare('SELECT doc FROM temp.passage_instances WHERE term = ?').pluck();
  }

  /** `each(id, frequency)` for every passage holding the FTS5 token, by ascending id (rows of removed reports included). */
  read(token: string, each: (id: number, frequency: number) => void): void {
    const docs = this.instances.all(token) as number[];
    for (let at = 0; at < docs.length; ) {
      const id = docs[at]!;
      let end = at + 1;
      while (end < docs.length && docs[end] === id) end++;
      each(id, end - at);
      at = end;
    }
  }
}

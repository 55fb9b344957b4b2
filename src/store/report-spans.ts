import type Database from 'better-sqlite3';
import type { ReportSpan } from '../search/sqlite-backend.js';

/** Where a report's passages are, with its row id and doc_id: what the search and passage reads need. */
export interface StoredSpan extends ReportSpan {
  rowId: number;
  docId: string;
}

/** Numbers per report in the packed array: row id, first passage, passage count, year (0: none), place (index into the places). */
const FIELDS = 5;

/**
 * Every report's span in one row, written with the store (build and update): a first search
 * reads three values instead of one row per report (at 10 000×, 50 000 rows behind their
 * metadata took ~0.3 s, and counting the passages another 0.1 s; the packed row takes a few ms).
 */
export function writeReportSpans(db: Database.Database): void {
  const rows = db.prepare('SELECT id, doc_id, place, year, first_passage, passage_count FROM reports ORDER BY first_passage').raw().all() as [number, string, string, number | null, number, number][];
  const numbers = new Int32Array(rows.length * FIELDS);
  const places: string[] = [];
  const placeIndex = new Map<string, number>();
  rows.forEach(([rowId, , place, year, first, count], i) => {
    if (!placeIndex.has(place)) placeIndex.set(place, places.push(place) - 1);
    numbers.set([rowId, first, count, year ?? 0, placeIndex.get(place)!], i * FIELDS);
  });
  db.prepare('DELETE FROM report_spans').run();
  db.prepare('INSERT INTO report_spans (id, numbers, doc_ids, places) VALUES (0, ?, ?, ?)').run(Buffer.from(numbers.buffer), JSON.stringify(rows.map(([, docId]) => docId)), JSON.stringify(places));
}

/** Every report's span, by first passage id (a passage id's report is found by bisection). */
export function readReportSpans(db: Database.Database): StoredSpan[] {
  const row = db.prepare('SELECT numbers, doc_ids, places FROM report_spans WHERE id = 0').get() as { numbers: Buffer; doc_ids: string; places: string } | undefined;
  if (!row) return [];
  // A copy: the blob's bytes need not be 4-aligned in Node's buffer pool (a typed array's constructor copies at memory speed, Uint8Array.from element by element).
  const numbers = new Int32Array(new Uint8Array(row.numbers).buffer);
  const docIds = JSON.parse(row.doc_ids) as string[];
  const places = JSON.parse(row.places) as string[];
  return docIds.map((docId, i) => {
    const at = i * FIELDS;
    return { rowId: numbers[at]!, docId, first: numbers[at + 1]!, count: numbers[at + 2]!, year: numbers[at + 3]! || undefined, place: places[numbers[at + 4]!]! };
  });
}

import type Database from 'better-sqlite3';
import { PassageLengths, miniSearchIdf } from '../store/passage-lengths.js';
import { termToken } from '../store/sqlite-schema.js';
import type { BackendQuery, RankedPassage, SearchBackend } from './backend.js';

/** Where a report's passages are (consecutive ids), its place and year: held in memory, one entry per report. */
export interface ReportSpan {
  first: number;
  count: number;
  place: string;
  year: number | undefined;
}

/** A filter that keeps reports of this share of all passages or more is applied to each hit instead of as rowid ranges. */
const RANGE_FILTER_SHARE = 0.5;
/** Rowid ranges a filtered term query is cut into at most (nearest ranges merged; hits outside the filter are dropped after). */
const MAX_RANGES = 8;

export interface SqliteBackendOptions {
  /** Postings a common term may score (its best by impact); Infinity scores all of them, as MiniSearch does. */
  postingCap: number;
  /** Terms in more passages than this have an impact-ordered list (the cap the store was built with). */
  listsAbove: number;
}

/**
 * BM25 over SQLite FTS5. Each query word is one statement: a word in more than `postingCap`
 * passages reads its precomputed best postings (top_postings), any other word its FTS5 postings
 * scored by bm25(); a place or year filter becomes rowid ranges of its reports' passages.
 * Scores are MiniSearch's (passage-lengths.ts): summed over words (synonyms at their weight),
 * times the number of words matched, times the place boost — the two stores rank alike.
 */
export class SqliteBackend implements SearchBackend {
  private readonly termOf;
  private readonly allPostings;
  private readonly rangePostings;
  private readonly topPostings;
  private readonly lengths: PassageLengths;

  constructor(
    db: Database.Database,
    private readonly spans: readonly ReportSpan[],
    private readonly options: SqliteBackendOptions,
  ) {
    this.termOf = db.prepare('SELECT id, passages, dead FROM terms WHERE term = ? AND passages > 0');
    const fts = 'SELECT rowid AS id, -bm25(passage_terms) AS score FROM passage_terms WHERE passage_terms MATCH ?';
    this.allPostings = db.prepare(fts).raw();
    this.rangePostings = db.prepare(`${fts} AND rowid BETWEEN ? AND ?`).raw();
    this.topPostings = db.prepare('SELECT passage, impact FROM top_postings WHERE term = ? ORDER BY impact DESC LIMIT ?').raw();
    this.lengths = PassageLengths.load(db);
  }

  search(query: BackendQuery): RankedPassage[] {
    const keeps = this.filterOf(query);
    const ranges = keeps && this.rangesOf(keeps);
    // Per passage: the sum of its words' scores, and how many words matched (MiniSearch multiplies by it).
    const scores = new Map<number, { sum: number; words: number }>();
    for (const { word, weight } of words(query)) {
      const term = this.termOf.get(word) as { id: number; passages: number; dead: number } | undefined;
      if (!term) continue;
      const idf = miniSearchIdf(this.lengths.passages, term.passages);
      for (const [id, impact] of this.postings(term, ranges, keeps !== undefined)) {
        const entry = scores.get(id);
        if (entry) {
          entry.sum += weight * idf * impact;
          entry.words += 1;
        } else scores.set(id, { sum: weight * idf * impact, words: 1 });
      }
    }
    const boost = query.boostPlaces && query.boostPlaces.size > 0 ? query.boostPlaces : undefined;
    const ranked: RankedPassage[] = [];
    for (const [id, { sum, words: matched }] of scores) {
      const span = this.spanOf(id);
      if (!span || (keeps && !keeps(span))) continue;
      ranked.push({ id, score: sum * matched * (boost?.has(span.place) ? query.placeBoost : 1) });
    }
    return query.limit !== undefined && query.limit < ranked.length ? best(ranked, query.limit) : ranked.sort(byScore);
  }

  /** A word's postings with their impacts: its best ones when it is common and nothing is filtered, else all (within the ranges). */
  private postings(term: { id: number; passages: number; dead: number }, ranges: [number, number][] | undefined, filtered: boolean): [number, number][] {
    const token = termToken(term.id);
    const { postingCap, listsAbove } = this.options;
    if (!filtered && term.passages > listsAbove && postingCap !== Infinity) {
      return this.topPostings.all(term.id, Math.min(postingCap, listsAbove)) as [number, number][];
    }
    const rows = ranges ? ranges.flatMap(([from, to]) => this.rangePostings.all(token, from, to) as [number, number][]) : (this.allPostings.all(token) as [number, number][]);
    return rows.map(([id, score]) => [id, this.lengths.impact(id, score, term)]);
  }

  private filterOf({ places, publishedFrom, publishedTo }: BackendQuery): ((span: ReportSpan) => boolean) | undefined {
    if (!places && publishedFrom === undefined && publishedTo === undefined) return undefined;
    return (span) =>
      (!places || places.has(span.place)) &&
      ((publishedFrom === undefined && publishedTo === undefined) ||
        (span.year !== undefined && (publishedFrom === undefined || span.year >= publishedFrom) && (publishedTo === undefined || span.year <= publishedTo)));
  }

  /** The passages of the reports a filter keeps as at most MAX_RANGES rowid ranges; none when they are most of the store. */
  private rangesOf(keeps: (span: ReportSpan) => boolean): [number, number][] | undefined {
    const kept = this.spans.filter((span) => keeps(span) && span.count > 0);
    if (kept.reduce((sum, span) => sum + span.count, 0) >= RANGE_FILTER_SHARE * this.lengths.passages) return undefined;
    const ranges: [number, number][] = [];
    for (const span of kept) {
      const last = ranges[ranges.length - 1];
      if (last && last[1] + 1 === span.first) last[1] = span.first + span.count - 1;
      else ranges.push([span.first, span.first + span.count - 1]);
    }
    while (ranges.length > MAX_RANGES) {
      let narrowest = 0;
      for (let i = 1; i < ranges.length - 1; i++) if (ranges[i + 1]![0] - ranges[i]![1] < ranges[narrowest + 1]![0] - ranges[narrowest]![1]) narrowest = i;
      ranges.splice(narrowest, 2, [ranges[narrowest]![0], ranges[narrowest + 1]![1]]);
    }
    return ranges;
  }

  private spanOf(id: number): ReportSpan | undefined {
    return spanContaining(this.spans, id);
  }
}

function byScore(a: RankedPassage, b: RankedPassage): number {
  return b.score - a.score || a.id - b.id;
}

/** The `limit` best passages, best first, without sorting them all (a common word's list holds thousands). */
function best(ranked: readonly RankedPassage[], limit: number): RankedPassage[] {
  const top: RankedPassage[] = [];
  for (const passage of ranked) {
    if (top.length === limit && byScore(passage, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && byScore(passage, top[at - 1]!) < 0) at--;
    top.splice(at, 0, passage);
    if (top.length > limit) top.pop();
  }
  return top;
}

/** The report span holding a passage id (spans sorted by first passage). */
export function spanContaining<T extends ReportSpan>(spans: readonly T[], id: number): T | undefined {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid]!;
    if (id < span.first) high = mid - 1;
    else if (id >= span.first + span.count) low = mid + 1;
    else return span;
  }
  return undefined;
}

/**
 * Every word a query scores, with its weight: the words typed (their weight, 1 unless planning lowered it) and their alternatives. A word
 * that stands for two terms is scored twice but counts as one matched word, as in MiniSearch.
 */
function words({ terms }: BackendQuery): { word: string; weight: number }[] {
  const weights = new Map<string, number>();
  // A term's own weight (a common topic word at 0.5) scales it and its alternatives, as MiniSearch's boostTerm does.
  for (const { term, alternatives, alternativeWeight, weight = 1 } of terms) {
    weights.set(term, (weights.get(term) ?? 0) + weight);
    for (const word of alternatives) weights.set(word, (weights.get(word) ?? 0) + alternativeWeight * weight);
  }
  return [...weights].map(([word, weight]) => ({ word, weight }));
}

import type Database from 'better-sqlite3';
import { PassageLengths, miniSearchIdf } from '../store/passage-lengths.js';
import { frequenciesIn } from '../store/passage-vectors.js';
import { TermPostings } from '../store/term-postings.js';
import { VectorReads } from '../store/vector-reads.js';
import { ImpactLists } from '../store/impact-lists.js';
import { termToken } from '../store/sqlite-schema.js';
import type { BackendQuery, RankedPassage, SearchBackend } from './backend.js';
import { best, byScore, shortestIds } from './best-passages.js';
import { thresholdSearch, type ImpactSource, type QueryWord } from './threshold-search.js';

/** Where a report's passages are (consecutive ids), its place and year: held in memory, one entry per report. */
export interface ReportSpan {
  first: number;
  count: number;
  place: string;
  year: number | undefined;
}

/** A place filter or boost over at most this many passages scores them all from their stored vectors (exact, no posting read). */
const SCAN_PASSAGES = 25_000;

/** Bounds of a query's cost and of what it certifies (threshold-search.ts). */
const CERTIFY = 8;
const MAX_COMPLETIONS = 1500;
/** Passages of the common words' conjunction completed when their lists cannot certify the top 8. */
const SEEDS = 256;
/** A conjunction is read only while its least common word is in at most this many passages (FTS5 reads its doclists whole). */
const CONJUNCTION_CAP = 150_000;

export interface SqliteBackendOptions {
  /** Deepest entry of a common word's impact list read; Infinity scores every posting, as MiniSearch does. */
  postingCap: number;
  /** Terms in more passages than this have an impact-ordered list (the cap the store was built with). */
  listsAbove: number;
}

/**
 * BM25 over SQLite FTS5, with MiniSearch's scores (passage-lengths.ts): summed over words
 * (synonyms at their weight), times the number of words matched, times the place boost — the two
 * stores rank alike. A rare word's postings are read whole from FTS5; a common word (in more than
 * `listsAbove` passages) is read from its impact-ordered list only as deep as the threshold search
 * needs, and candidates are completed from their stored term vectors (threshold-search.ts). A place
 * filter or boost scores that place's passages from their vectors; a year filter is applied to
 * what the lists give. Cost is bounded by the lists' depth and the completions, not the corpus.
 */
export class SqliteBackend implements SearchBackend {
  private readonly termOf;
  private readonly postings: TermPostings;
  private readonly lists: ImpactLists;
  private readonly vectors: VectorReads;
  private readonly matching;
  private readonly lengths: PassageLengths;
  /** FTS5's last answer in this search: the bounds and the conjunction may ask the same. */
  private lastMatch: { query: string; ids: readonly number[] } | undefined;

  constructor(
    db: Database.Database,
    private readonly spans: readonly ReportSpan[],
    private readonly options: SqliteBackendOptions,
  ) {
    this.termOf = db.prepare('SELECT id, passages, dead FROM terms WHERE term = ? AND passages > 0');
    this.postings = new TermPostings(db);
    this.lists = new ImpactLists(db);
    this.vectors = new VectorReads(db);
    this.matching = db.prepare('SELECT rowid FROM passage_terms WHERE passage_terms MATCH ?').pluck();
    this.lengths = PassageLengths.load(db);
  }

  search(query: BackendQuery): RankedPassage[] {
    const keepsSpan = filterOf(query);
    const boost = query.boostPlaces && query.boostPlaces.size > 0 ? query.boostPlaces : undefined;
    const words = this.wordsOf(query);
    const ranked = this.rank(words, query, keepsSpan, boost);
    return query.limit !== undefined && query.limit < ranked.length ? best(ranked, query.limit) : ranked.sort(byScore);
  }

  private rank(words: ScoredWord[], query: BackendQuery, keepsSpan: ((span: ReportSpan) => boolean) | undefined, boost: ReadonlySet<string> | undefined): RankedPassage[] {
    if (words.length === 0) return [];
    const boostOfSpan = (span: ReportSpan) => (boost?.has(span.place) ? query.placeBoost : 1);
    if (this.options.postingCap === Infinity) return this.exhaustive(words, keepsSpan, boostOfSpan);
    const byTermId = [...words].sort((a, b) => a.termId - b.termId);
    const sorted: SortedWords = Object.assign(byTermId, { termIds: byTermId.map((word) => word.termId) });
    if (query.places) {
      const kept = this.spans.filter((span) => keepsSpan!(span));
      if (passagesIn(kept) <= SCAN_PASSAGES) return [...this.scan(kept, sorted, boostOfSpan)].map(([id, score]) => ({ id, score }));
    }
    // A boosted place's passages are all scored first: a passage not yet seen then gets no boost.
    const boosted = boost && !query.places ? this.spans.filter((span) => boost.has(span.place) && (!keepsSpan || keepsSpan(span))) : [];
    const scanBoosted = boosted.length > 0 && passagesIn(boosted) <= SCAN_PASSAGES;
    const exact = scanBoosted ? this.scan(boosted, sorted, boostOfSpan) : new Map<number, number>();
    const frequencies: number[] = [];
    const source: ImpactSource = {
      postings: (word, each) => this.postingsOf(word, each),
      listSlice: (word, from, to) => this.lists.slice(word.termId, from, to),
      exactScores: (ids) => {
        const vectors = this.vectors.of(ids);
        return ids.map((id) => this.vectorScore(id, vectors.get(id), sorted, frequencies) * (boost ? this.boostAt(id, boostOfSpan) : 1));
      },
      // Without a boost or a filter, no passage's report is looked up: a served passage is one whose report is served.
      boostOf: boost ? (id) => this.boostAt(id, boostOfSpan) : () => 1,
      keeps: keepsSpan
        ? (id) => {
            const span = spanContaining(this.spans, id);
            return span !== undefined && keepsSpan(span);
          }
        : (id) => this.lengths.isServed(id),
      conjunction: (listed, limit) => this.conjunction(listed as ScoredWord[], limit, keepsSpan && source.keeps),
      holdingAll: (listed, rare) => this.holdingAll(listed as ScoredWord[], rare),
    };
    const maxDepth = Math.min(this.options.postingCap, this.options.listsAbove);
    try {
      return thresholdSearch(words, source, { certify: Math.min(CERTIFY, query.limit ?? CERTIFY), maxDepth, maxCompletions: MAX_COMPLETIONS, unseenBoost: boost && !scanBoosted ? query.placeBoost : 1, seeds: SEEDS, ...(query.limit !== undefined ? { keep: query.limit } : {}) }, exact);
    } finally {
      this.lastMatch = undefined;
    }
  }

  /**
   * The passages holding every given word that the filters keep, shortest first (with each word
   * found once, the shortest score best: BM25 normalises by length), at most `limit`. When fewer than CERTIFY hold
   * them all, the most common word is dropped and the rest tried once more. None when the least
   * common word is past CONJUNCTION_CAP passages: FTS5 reads every word's doclist.
   */
  private conjunction(listed: readonly ScoredWord[], limit: number, keeps?: (id: number) => boolean): number[] {
    let words = [...listed].sort((a, b) => a.term.passages - b.term.passages);
    if (words[0]!.term.passages > CONJUNCTION_CAP) return [];
    let ids: number[] = [];
    for (let tries = 0; tries < 2 && words.length >= 2; tries++, words = words.slice(0, -1)) {
      ids = [];
      for (const id of this.matchingAll(words)) if (this.lengths.isServed(id) && (!keeps || keeps(id))) ids.push(id);
      if (ids.length >= CERTIFY) break;
    }
    return shortestIds(ids, (id) => this.lengths.termsIn(id), limit);
  }

  /**
   * Every passage holding all the listed words and, when rare words are given, one of them (the
   * threshold search's bounds). Without rare words, none past CONJUNCTION_CAP, as the conjunction.
   */
  private holdingAll(listed: readonly ScoredWord[], rare: readonly QueryWord[]): readonly number[] | undefined {
    const words = [...listed].sort((a, b) => a.term.passages - b.term.passages);
    if (rare.length === 0) return words[0]!.term.passages > CONJUNCTION_CAP ? undefined : this.matchingAll(words);
    return this.matchingAll(words, rare);
  }

  /** FTS5's passages holding every word given (and one of `anyOf`), by id; the search's last answer is kept (the bounds and the conjunction ask alike). */
  private matchingAll(words: readonly QueryWord[], anyOf: readonly QueryWord[] = []): readonly number[] {
    const all = words.map((word) => termToken(word.termId)).join(' AND ');
    const query = anyOf.length === 0 ? all : `${all} AND (${anyOf.map((word) => termToken(word.termId)).join(' OR ')})`;
    if (this.lastMatch?.query !== query) this.lastMatch = { query, ids: this.matching.all(query) as number[] };
    return this.lastMatch.ids;
  }

  /** Every posting of every word scored (MiniSearch's ranking; the bench's reference and Infinity's meaning). */
  private exhaustive(words: ScoredWord[], keepsSpan: ((span: ReportSpan) => boolean) | undefined, boostOfSpan: (span: ReportSpan) => number): RankedPassage[] {
    const scores = new Map<number, { sum: number; words: number }>();
    for (const word of words) {
      this.postingsOf(word, (id, impact) => {
        const entry = scores.get(id);
        if (entry) {
          entry.sum += word.factor * impact;
          entry.words += 1;
        } else scores.set(id, { sum: word.factor * impact, words: 1 });
      });
    }
    const ranked: RankedPassage[] = [];
    for (const [id, { sum, words: matched }] of scores) {
      const span = spanContaining(this.spans, id);
      if (!span || (keepsSpan && !keepsSpan(span))) continue;
      ranked.push({ id, score: sum * matched * boostOfSpan(span) });
    }
    return ranked;
  }

  /** Every passage of the given reports scored from its stored vector. */
  private scan(spans: readonly ReportSpan[], sorted: SortedWords, boostOfSpan: (span: ReportSpan) => number): Map<number, number> {
    const scores = new Map<number, number>();
    const frequencies: number[] = [];
    for (const span of spans) {
      if (span.count === 0) continue;
      for (const [id, vector] of this.vectors.range(span.first, span.first + span.count - 1)) {
        const score = this.vectorScore(id, vector, sorted, frequencies) * boostOfSpan(span);
        if (score > 0) scores.set(id, score);
      }
    }
    return scores;
  }

  /** A passage's score from its vector (without the boost): words sorted by term id. */
  private vectorScore(id: number, vector: Uint8Array | undefined, sorted: SortedWords, frequencies: number[]): number {
    if (!vector) return 0;
    frequenciesIn(vector, sorted.termIds, frequencies);
    let sum = 0;
    let matched = 0;
    for (let i = 0; i < sorted.length; i++) {
      if (frequencies[i]! > 0) {
        sum += sorted[i]!.factor * this.lengths.impactOf(id, frequencies[i]!);
        matched += 1;
      }
    }
    return sum * matched;
  }

  private boostAt(id: number, boostOfSpan: (span: ReportSpan) => number): number {
    const span = spanContaining(this.spans, id);
    return span ? boostOfSpan(span) : 1;
  }

  /** A word's FTS5 postings with MiniSearch's impacts (rows of removed reports included: they are dropped as unserved). */
  private postingsOf(word: QueryWord, each: (id: number, impact: number) => void): void {
    this.postings.read(termToken(word.termId), (id, frequency) => each(id, this.lengths.impactOf(id, frequency)));
  }

  /** The query's words found in the store, with weight × IDF and whether an impact list reads them. */
  private wordsOf(query: BackendQuery): ScoredWord[] {
    const found: ScoredWord[] = [];
    for (const { word, weight } of words(query)) {
      const term = this.termOf.get(word) as { id: number; passages: number; dead: number } | undefined;
      if (!term) continue;
      const listed = term.passages > this.options.listsAbove && this.options.postingCap !== Infinity;
      found.push({ termId: term.id, term, factor: weight * miniSearchIdf(this.lengths.passages, term.passages), listed });
    }
    return found;
  }
}

interface ScoredWord extends QueryWord {
  term: { passages: number; dead: number };
}

/** A query's words sorted by term id, with their ids (what a passage's vector is decoded for). */
type SortedWords = ScoredWord[] & { termIds: number[] };

function filterOf({ places, publishedFrom, publishedTo }: BackendQuery): ((span: ReportSpan) => boolean) | undefined {
  if (!places && publishedFrom === undefined && publishedTo === undefined) return undefined;
  return (span) =>
    (!places || places.has(span.place)) &&
    ((publishedFrom === undefined && publishedTo === undefined) ||
      (span.year !== undefined && (publishedFrom === undefined || span.year >= publishedFrom) && (publishedTo === undefined || span.year <= publishedTo)));
}

function passagesIn(spans: readonly ReportSpan[]): number {
  return spans.reduce((sum, span) => sum + span.count, 0);
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

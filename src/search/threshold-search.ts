import type { RankedPassage } from './backend.js';

/** A query word as the ranking sees it: its term id, weight × IDF, and whether it is read from an impact list. */
export interface QueryWord {
  termId: number;
  /** weight × IDF: a posting's score for this word is `factor × impact`. */
  factor: number;
  /** A common word: read from its impact-ordered list, best first, instead of all its postings. */
  listed: boolean;
}

/** What the threshold search reads: the store's postings, impact lists and passage vectors. */
export interface ImpactSource {
  /** Every posting of a word (only words that are not listed), with impacts. */
  postings(word: QueryWord): Iterable<readonly [number, number]>;
  /** Entries `from` to `to` (exclusive) of a listed word's impact list, best first. */
  listSlice(word: QueryWord, from: number, to: number): readonly (readonly [number, number])[];
  /** Passages' exact scores for every word of the query (their stored vectors, read in one statement). */
  exactScores(ids: readonly number[]): number[];
  /** A passage's place boost (1 when none); 1 for every passage already scored exactly. */
  boostOf(id: number): number;
  /** Whether a passage passes the query's filters. */
  keeps(id: number): boolean;
  /**
   * Passages holding every one of the given listed words (or of the least common of them) that the
   * filters keep, the likeliest best first, at most `limit`; empty when reading them would cost more than its bound.
   */
  conjunction?(words: readonly QueryWord[], limit: number): readonly number[];
}

export interface ThresholdOptions {
  /** The best `certify` passages are made exact when the budget allows (more come back, ranked by what is known). */
  certify: number;
  /** Deepest entry of an impact list read. */
  maxDepth: number;
  /** Passages completed by a point read at most: the bound on a query's cost with the lists' depth. */
  maxCompletions: number;
  /** Bound on any boost a passage not yet seen may get (1 when boosted places were scored beforehand). */
  unseenBoost: number;
  /** Passages of the listed words' conjunction completed when the lists cannot certify the top (0: none). */
  seeds?: number;
}

/** Candidates completed per statement. */
const COMPLETION_BATCH = 64;
/** First depth read from each list; each round reads four times deeper. */
const FIRST_DEPTH = 250;

interface Candidate {
  /** Sum of the scores known (words whose postings or list entries held the passage). */
  sum: number;
  words: number;
  /** Listed words whose list held the passage (bit per word; words past 30 always count as unknown). */
  seen: number;
}

/**
 * Top-k over impact-ordered lists with a score-at-least threshold (Fagin's threshold algorithm,
 * with MaxScore-style bounds): rare words' postings are read whole, common words' lists best first
 * and only as deep as a passage not yet seen could still enter the top `certify`. A passage a list
 * has not reached yet is bounded by the list's last impact read; candidates are completed (every
 * word's exact score) in order of their upper bound until no bound exceeds the k-th exact score.
 * Scores are MiniSearch's: the sum over words times the number of words matched (monotone in each
 * word's score, which the threshold needs), times the place boost. `exact` holds passages already
 * scored exactly (a boosted place's, scanned beforehand); they are not read again.
 */
export function thresholdSearch(words: readonly QueryWord[], source: ImpactSource, options: ThresholdOptions, exact = new Map<number, number>()): RankedPassage[] {
  const listed = words.filter((word) => word.listed);
  const candidates = new Map<number, Candidate>();
  const note = (id: number, score: number, bit: number) => {
    if (exact.has(id) || !source.keeps(id)) return;
    const entry = candidates.get(id);
    if (entry) {
      entry.sum += score;
      entry.words += 1;
      entry.seen |= bit;
    } else candidates.set(id, { sum: score, words: 1, seen: bit });
  };
  for (const word of words) if (!word.listed) for (const [id, impact] of source.postings(word)) note(id, word.factor * impact, 0);

  const completeSeeds = (ids: readonly number[]) => {
    const fresh = ids.filter((id) => !exact.has(id) && source.keeps(id));
    for (let at = 0; at < fresh.length; at += COMPLETION_BATCH) {
      const batch = fresh.slice(at, at + COMPLETION_BATCH);
      source.exactScores(batch).forEach((score, i) => {
        candidates.delete(batch[i]!);
        exact.set(batch[i]!, score);
      });
    }
  };

  const frontier = listed.map(() => Infinity);
  const read = listed.map(() => 0);
  const everyList = listed.length <= 30 ? 2 ** listed.length - 1 : -1;
  const unseenBound = () => listed.reduce((sum, word, i) => sum + word.factor * frontier[i]!, 0) * listed.filter((_, i) => frontier[i]! > 0).length * options.unseenBoost;
  // Lists are read deeper until no passage they have not reached could enter the top k of what is
  // known (scores known so far are lower bounds; a passage every list holds is known exactly).
  for (let depth = Math.min(FIRST_DEPTH, options.maxDepth); ; depth = Math.min(depth * 4, options.maxDepth)) {
    listed.forEach((word, i) => {
      if (read[i]! >= depth) return;
      const slice = source.listSlice(word, read[i]!, depth);
      for (const [id, impact] of slice) note(id, word.factor * impact, i < 30 ? 1 << i : 0);
      read[i] = depth;
      // Past a list's end, a passage not in it scores at most its last entry (the list keeps the best only).
      if (slice.length > 0) frontier[i] = slice[slice.length - 1]![1];
      else if (frontier[i] === Infinity) frontier[i] = 0;
    });
    const known = new TopScores(options.certify);
    for (const score of exact.values()) known.add(score);
    for (const [id, entry] of candidates) known.add(entry.sum * entry.words * source.boostOf(id));
    if ((known.full && known.kth >= unseenBound()) || depth >= options.maxDepth) break;
  }
  // Candidates every list held are exact already; the others are completed (one point read each)
  // in order of their upper bound while it can still beat the k-th exact score.
  const top = new TopScores(options.certify);
  for (const score of exact.values()) top.add(score);
  const open: { id: number; bound: number }[] = [];
  for (const [id, entry] of candidates) {
    const boost = source.boostOf(id);
    if (entry.seen === everyList) {
      const score = entry.sum * entry.words * boost;
      exact.set(id, score);
      top.add(score);
      candidates.delete(id);
      continue;
    }
    let sum = entry.sum;
    let words = entry.words;
    listed.forEach((word, i) => {
      if ((i < 30 && entry.seen & (1 << i)) || !(frontier[i]! > 0)) return;
      sum += word.factor * frontier[i]!;
      words += 1;
    });
    open.push({ id, bound: sum * words * boost });
  }
  open.sort((a, b) => b.bound - a.bound || a.id - b.id);
  let completions = 0;
  let at = 0;
  while (at < open.length && completions < options.maxCompletions) {
    // A batch of the next candidates whose bound can still beat the k-th exact score.
    const batch: number[] = [];
    for (; at < open.length && batch.length < COMPLETION_BATCH && completions + batch.length < options.maxCompletions; at++) {
      if (top.full && open[at]!.bound <= top.kth) break;
      batch.push(open[at]!.id);
    }
    if (batch.length === 0) break;
    source.exactScores(batch).forEach((score, i) => {
      candidates.delete(batch[i]!);
      exact.set(batch[i]!, score);
      top.add(score);
    });
    completions += batch.length;
  }
  // Still uncertain (a passage no list reached, or one left uncompleted, could beat the k-th score):
  // the best passages may match every common word moderately and be in no list. The passages
  // holding them all are completed too.
  const uncertain = !top.full || top.kth < unseenBound() || (at < open.length && open[at]!.bound > top.kth);
  if (uncertain && listed.length >= 2 && options.seeds && source.conjunction) completeSeeds(source.conjunction(listed, options.seeds));
  const ranked: RankedPassage[] = [...exact].map(([id, score]) => ({ id, score }));
  // Passages never completed rank by what is known of them (a lower bound of their score).
  for (const [id, { sum, words: matched }] of candidates) ranked.push({ id, score: sum * matched * source.boostOf(id) });
  return ranked;
}

/** The k best scores seen, for the threshold. */
class TopScores {
  private readonly scores: number[] = [];

  constructor(private readonly k: number) {}

  get full(): boolean {
    return this.scores.length >= this.k;
  }

  get kth(): number {
    return this.scores[this.k - 1] ?? 0;
  }

  add(score: number): void {
    if (this.full && score <= this.kth) return;
    let at = this.scores.length;
    while (at > 0 && this.scores[at - 1]! < score) at--;
    this.scores.splice(at, 0, score);
    if (this.scores.length > this.k) this.scores.pop();
  }
}

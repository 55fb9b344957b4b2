import type { RankedPassage } from './backend.js';
import type { ListSlice } from '../store/impact-lists.js';
import { Candidates, TopScores } from './threshold-candidates.js';

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
  /** `each(id, impact)` for every posting of a word (only words that are not listed). */
  postings(word: QueryWord, each: (id: number, impact: number) => void): void;
  /** Entries `from` to `to` (exclusive) of a listed word's impact list, best first. */
  listSlice(word: QueryWord, from: number, to: number): ListSlice;
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
  /**
   * Every passage holding all the given listed words and, when rare words are given, at least one
   * of them, by ascending id (the filters not applied); undefined when reading them would cost
   * more than its bound.
   */
  holdingAll?(listed: readonly QueryWord[], rare: readonly QueryWord[]): ArrayLike<number> | undefined;
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
  /** Passages the caller ranks at most: the others come back only if they tie with the `keep`-th best (absent: every passage). */
  keep?: number;
}

/** Candidates completed per statement. */
const COMPLETION_BATCH = 64;
/** First depth read from each list; each round reads four times deeper. */
const FIRST_DEPTH = 250;
/**
 * Candidates whose bound beats the k-th known score past which the passages holding every listed
 * word are read first (one FTS5 query, ~0.25 µs a posting of its rarest word at 10 000×, about
 * the cost of this many completions at ~3.5 µs each).
 */
const MEMBERSHIP_AFTER = 256;


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
  const candidates = Candidates.empty();
  const note = (id: number, score: number, bit: number) => {
    if (!exact.has(id) && source.keeps(id)) candidates.note(id, score, bit);
  };
  for (const word of words) if (!word.listed) source.postings(word, (id, impact) => note(id, word.factor * impact, 0));

  const completeSeeds = (ids: readonly number[]) => {
    const fresh = ids.filter((id) => !exact.has(id) && source.keeps(id));
    for (let at = 0; at < fresh.length; at += COMPLETION_BATCH) {
      const batch = fresh.slice(at, at + COMPLETION_BATCH);
      source.exactScores(batch).forEach((score, i) => {
        candidates.remove(batch[i]!);
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
      const bit = i < 30 ? 1 << i : 0;
      for (let at = 0; at < slice.length; at++) note(slice.ids[at]!, word.factor * slice.impacts[at]!, bit);
      read[i] = depth;
      // Past a list's end, a passage not in it scores at most its last entry (the list keeps the best only).
      if (slice.length > 0) frontier[i] = slice.impacts[slice.length - 1]!;
      else if (frontier[i] === Infinity) frontier[i] = 0;
    });
    const known = new TopScores(options.certify);
    for (const score of exact.values()) known.add(score);
    const { ids, sums, words: matched, gone } = candidates;
    for (let slot = 0; slot < candidates.size; slot++) if (!gone[slot]) known.add(sums[slot]! * matched[slot]! * source.boostOf(ids[slot]!));
    if ((known.full && known.kth >= unseenBound()) || depth >= options.maxDepth) break;
  }
  // Candidates every list held are exact already; the others are completed (one point read each)
  // in order of their upper bound while it can still beat the k-th exact score.
  const top = new TopScores(options.certify);
  for (const score of exact.values()) top.add(score);
  const { ids, sums, words: matched, seen, gone } = candidates;
  const makeExact = (slot: number, score: number) => {
    exact.set(ids[slot]!, score);
    top.add(score);
    gone[slot] = 1;
  };
  for (let slot = 0; slot < candidates.size; slot++) if (!gone[slot] && seen[slot] === everyList) makeExact(slot, sums[slot]! * matched[slot]! * source.boostOf(ids[slot]!));
  const bounds = new Float64Array(candidates.size);
  // A candidate's bound: each listed word whose list has not reached it at that list's last
  // impact, one word more each. One known to lack a word (`lacking`) holds one of those fewer: the
  // least of them is left out (with one left, its score is exact).
  const boundOf = (slot: number, lacking: boolean) => {
    let sum = sums[slot]!;
    let words = matched[slot]!;
    let unseen = 0;
    let least = Infinity;
    for (let i = 0; i < listed.length; i++) {
      if ((i < 30 && seen[slot]! & (1 << i)) || !(frontier[i]! > 0)) continue;
      const most = listed[i]!.factor * frontier[i]!;
      sum += most;
      words += 1;
      unseen += 1;
      least = Math.min(least, most);
    }
    if (lacking && unseen === 1) return { bound: sums[slot]! * matched[slot]! * source.boostOf(ids[slot]!), exact: true };
    if (lacking && unseen > 1) {
      sum -= least;
      words -= 1;
    }
    return { bound: sum * words * source.boostOf(ids[slot]!), exact: false };
  };
  let beating = 0;
  for (let slot = 0; slot < candidates.size; slot++) {
    if (gone[slot]) continue;
    bounds[slot] = boundOf(slot, false).bound;
    if (!top.full || bounds[slot]! > top.kth) beating++;
  }
  // Too many to complete: most hold some listed word and not the others, yet are bounded as if
  // they held them all. The passages holding every listed word tell them apart: one outside
  // lacks a word it was not seen with. With rare words, this is known of the candidates holding
  // one (FTS5 then reads the rare words' few postings, not the common words' doclists).
  const rare = words.filter((word) => !word.listed);
  const holding = beating > MEMBERSHIP_AFTER && listed.length <= 30 && source.holdingAll ? source.holdingAll(listed, rare) : undefined;
  if (holding) {
    const holds = new Uint8Array(candidates.size);
    for (let at = 0; at < holding.length; at++) {
      const slot = candidates.slotOf(holding[at]!);
      if (slot >= 0) holds[slot] = 1;
    }
    for (let slot = 0; slot < candidates.size; slot++) {
      if (gone[slot] || holds[slot] || (rare.length > 0 && matched[slot]! === bitCount(seen[slot]!))) continue;
      const { bound, exact: known } = boundOf(slot, true);
      if (known) makeExact(slot, bound);
      else bounds[slot] = bound;
    }
  }
  const open: number[] = [];
  for (let slot = 0; slot < candidates.size; slot++) if (!gone[slot]) open.push(slot);
  open.sort((a, b) => bounds[b]! - bounds[a]! || ids[a]! - ids[b]!);
  let completions = 0;
  let at = 0;
  while (at < open.length && completions < options.maxCompletions) {
    // A batch of the next candidates whose bound can still beat the k-th exact score.
    const batch: number[] = [];
    for (; at < open.length && batch.length < COMPLETION_BATCH && completions + batch.length < options.maxCompletions; at++) {
      if (top.full && bounds[open[at]!]! <= top.kth) break;
      batch.push(ids[open[at]!]!);
    }
    if (batch.length === 0) break;
    source.exactScores(batch).forEach((score, i) => {
      candidates.remove(batch[i]!);
      exact.set(batch[i]!, score);
      top.add(score);
    });
    completions += batch.length;
  }
  // Still uncertain (a passage no list reached, or one left uncompleted, could beat the k-th score):
  // the best passages may match every common word moderately and be in no list. The passages
  // holding them all are completed too.
  const uncertain = !top.full || top.kth < unseenBound() || (at < open.length && bounds[open[at]!]! > top.kth);
  if (uncertain && listed.length >= 2 && options.seeds && source.conjunction) completeSeeds(source.conjunction(listed, options.seeds));
  // Passages never completed rank by what is known of them (a lower bound of their score).
  const known = new Float64Array(candidates.size);
  const scores = new Float64Array(exact.size + candidates.size);
  let scored = 0;
  for (const score of exact.values()) scores[scored++] = score;
  for (let slot = 0; slot < candidates.size; slot++) if (!gone[slot]) scores[scored++] = known[slot] = sums[slot]! * matched[slot]! * source.boostOf(ids[slot]!);
  // Only what can be among the best `keep`: an object for each of ~16 000 passages cost ~1 ms at 10 000×.
  const least = lowestKept(scores.subarray(0, scored), options.keep);
  const ranked: RankedPassage[] = [];
  for (const [id, score] of exact) if (score >= least) ranked.push({ id, score });
  for (let slot = 0; slot < candidates.size; slot++) if (!gone[slot] && known[slot]! >= least) ranked.push({ id: ids[slot]!, score: known[slot]! });
  return ranked;
}

/** The `keep`-th highest score (every score when `keep` is absent or not reached). */
function lowestKept(scores: Float64Array, keep: number | undefined): number {
  if (keep === undefined || scores.length <= keep) return -Infinity;
  return scores.slice().sort()[scores.length - keep]!;
}

/** Set bits of a 32-bit word: the lists that held a candidate. */
function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits >>> 0; rest !== 0; rest &= rest - 1) count++;
  return count;
}

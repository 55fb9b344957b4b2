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
  /** `each(id, impact)` for every posting of a word (only words that are not listed). */
  postings(word: QueryWord, each: (id: number, impact: number) => void): void;
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

/**
 * Passages seen in some list or postings but not scored exactly yet, as parallel typed arrays by
 * slot: the sum of the scores known (words whose postings or list entries held the passage), the
 * words matched, and the listed words whose list held it (bit per word; words past 30 always count
 * as unknown). A passage id finds its slot in an open-addressing table. At 10 000× a query notes
 * up to ~16 000 passages: a Map of objects cost ~8 ms of it.
 */
class Candidates {
  /** Passage id + 1 per table cell (0: empty), and the slot it has. */
  private keys = new Int32Array(1 << 12);
  private slots = new Int32Array(1 << 12);
  ids = new Int32Array(1 << 11);
  sums = new Float64Array(1 << 11);
  words = new Int32Array(1 << 11);
  seen = new Int32Array(1 << 11);
  /** Scored exactly since (or never to be): no longer a candidate. */
  gone = new Uint8Array(1 << 11);
  size = 0;

  note(id: number, score: number, bit: number): void {
    const cell = this.cellOf(id);
    if (this.keys[cell] !== 0) {
      const slot = this.slots[cell]!;
      this.sums[slot] = this.sums[slot]! + score;
      this.words[slot] = this.words[slot]! + 1;
      this.seen[slot] = this.seen[slot]! | bit;
      return;
    }
    if (this.size === this.ids.length) {
      this.grow();
      this.note(id, score, bit);
      return;
    }
    const slot = this.size++;
    this.keys[cell] = id + 1;
    this.slots[cell] = slot;
    this.ids[slot] = id;
    this.sums[slot] = score;
    this.words[slot] = 1;
    this.seen[slot] = bit;
  }

  remove(id: number): void {
    const cell = this.cellOf(id);
    if (this.keys[cell] !== 0) this.gone[this.slots[cell]!] = 1;
  }

  /** The cell holding `id`, or the empty cell where it would go (the table is at most half full). */
  private cellOf(id: number): number {
    const mask = this.keys.length - 1;
    let cell = Math.imul(id, 0x9e3779b1) & mask;
    while (this.keys[cell] !== 0 && this.keys[cell] !== id + 1) cell = (cell + 1) & mask;
    return cell;
  }

  /** Twice the room: the arrays copied, the table rebuilt. */
  private grow(): void {
    const grown = <T extends Int32Array | Float64Array | Uint8Array>(array: T): T => {
      const bigger = new (array.constructor as new (length: number) => T)(array.length * 2);
      bigger.set(array);
      return bigger;
    };
    this.ids = grown(this.ids);
    this.sums = grown(this.sums);
    this.words = grown(this.words);
    this.seen = grown(this.seen);
    this.gone = grown(this.gone);
    this.keys = new Int32Array(this.keys.length * 2);
    this.slots = new Int32Array(this.slots.length * 2);
    for (let slot = 0; slot < this.size; slot++) {
      const cell = this.cellOf(this.ids[slot]!);
      this.keys[cell] = this.ids[slot]! + 1;
      this.slots[cell] = slot;
    }
  }
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
  const candidates = new Candidates();
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
      for (const [id, impact] of slice) note(id, word.factor * impact, bit);
      read[i] = depth;
      // Past a list's end, a passage not in it scores at most its last entry (the list keeps the best only).
      if (slice.length > 0) frontier[i] = slice[slice.length - 1]![1];
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
  const bounds = new Float64Array(candidates.size);
  const open: number[] = [];
  for (let slot = 0; slot < candidates.size; slot++) {
    if (gone[slot]) continue;
    const id = ids[slot]!;
    const boost = source.boostOf(id);
    if (seen[slot] === everyList) {
      const score = sums[slot]! * matched[slot]! * boost;
      exact.set(id, score);
      top.add(score);
      gone[slot] = 1;
      continue;
    }
    let sum = sums[slot]!;
    let words = matched[slot]!;
    for (let i = 0; i < listed.length; i++) {
      if ((i < 30 && seen[slot]! & (1 << i)) || !(frontier[i]! > 0)) continue;
      sum += listed[i]!.factor * frontier[i]!;
      words += 1;
    }
    bounds[slot] = sum * words * boost;
    open.push(slot);
  }
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
  const ranked: RankedPassage[] = [...exact].map(([id, score]) => ({ id, score }));
  // Passages never completed rank by what is known of them (a lower bound of their score).
  for (let slot = 0; slot < candidates.size; slot++) if (!candidates.gone[slot]) ranked.push({ id: ids[slot]!, score: sums[slot]! * matched[slot]! * source.boostOf(ids[slot]!) });
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

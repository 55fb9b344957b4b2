import { describe, expect, it } from 'vitest';
import { encodeVector, frequenciesIn } from '../../src/store/passage-vectors.js';
import { thresholdSearch, type ImpactSource, type QueryWord } from '../../src/search/threshold-search.js';

/** A deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A corpus of `passages` passages over `words` words, each word in a share of passages with an
 * impact; words more common than `listsAbove` keep only their best `listsAbove` postings in a list.
 */
function corpus(seed: number, passages: number, shares: number[], listsAbove: number) {
  const next = random(seed);
  const impact = shares.map(() => new Map<number, number>());
  for (let id = 0; id < passages; id++) shares.forEach((share, w) => next() < share && impact[w]!.set(id, 0.5 + next() * 2));
  const words: QueryWord[] = shares.map((_, w) => ({ termId: w + 1, factor: 1 + w * 0.3, listed: impact[w]!.size > listsAbove }));
  const lists = impact.map((postings) => [...postings].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, listsAbove));
  const score = (id: number) => {
    let sum = 0;
    let matched = 0;
    words.forEach((word, w) => {
      const value = impact[w]!.get(id);
      if (value !== undefined) {
        sum += word.factor * value;
        matched += 1;
      }
    });
    return sum * matched;
  };
  let completions = 0;
  const source: ImpactSource = {
    postings: (word, each) => impact[word.termId - 1]!.forEach((value, id) => each(id, value)),
    listSlice: (word, from, to) => {
      const entries = lists[word.termId - 1]!.slice(from, to);
      return { ids: entries.map(([id]) => id), impacts: entries.map(([, impact]) => impact), length: entries.length };
    },
    exactScores: (ids) => {
      completions += ids.length;
      return ids.map(score);
    },
    boostOf: () => 1,
    keeps: () => true,
    holdingAll: (listed, rare) =>
      Array.from({ length: passages }, (_, id) => id).filter(
        (id) => listed.every((word) => impact[word.termId - 1]!.has(id)) && (rare.length === 0 || rare.some((word) => impact[word.termId - 1]!.has(id))),
      ),
    // Passages holding every word given, best first by their exact score.
    conjunction: (given, limit) =>
      Array.from({ length: passages }, (_, id) => id)
        .filter((id) => given.every((word) => impact[word.termId - 1]!.has(id)))
        .sort((a, b) => score(b) - score(a) || a - b)
        .slice(0, limit),
  };
  const exhaustive = Array.from({ length: passages }, (_, id) => ({ id, score: score(id) }))
    .filter((hit) => hit.score > 0)
    .sort((a, b) => b.score - a.score || a.id - b.id);
  return { words, source, exhaustive, completions: () => completions };
}

const top = (ranked: { id: number; score: number }[], k: number) => [...ranked].sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);

describe('threshold search over impact lists', () => {
  it.each([
    ['one rare word, two common ones', 1, [0.01, 0.3, 0.5]],
    ['three common words', 2, [0.2, 0.3, 0.6]],
    ['a common word alone', 3, [0.5]],
    ['four words of every kind', 4, [0.005, 0.05, 0.4, 0.7]],
  ])('%s: the top 8 is the exhaustive top 8 when the lists reach deep enough to certify it', (_, seed, shares) => {
    const { words, source, exhaustive } = corpus(seed as number, 20_000, shares as number[], 4000);
    const ranked = thresholdSearch(words, source, { certify: 8, maxDepth: 4000, maxCompletions: 800, unseenBoost: 1 });
    expect(top(ranked, 8)).toEqual(exhaustive.slice(0, 8));
  });

  it('completes the common words\' conjunction first when shallow lists cannot certify the top 8', () => {
    // Two words in half the passages each, lists 50 deep, 40 completions: the passages matching
    // both are mostly in neither list, and the completions run out before reaching them.
    const { words, source, exhaustive } = corpus(6, 20_000, [0.5, 0.5], 50);
    const options = { certify: 8, maxDepth: 50, maxCompletions: 40, unseenBoost: 1 };
    const { conjunction, ...withoutConjunction } = source;
    expect(conjunction).toBeDefined();
    expect(top(thresholdSearch(words, withoutConjunction, { ...options, seeds: 64 }), 8)).not.toEqual(exhaustive.slice(0, 8));
    expect(top(thresholdSearch(words, source, { ...options, seeds: 0 }), 8)).not.toEqual(exhaustive.slice(0, 8));
    expect(top(thresholdSearch(words, source, { ...options, seeds: 64 }), 8)).toEqual(exhaustive.slice(0, 8));
  });

  it.each([
    ['two common words', 7, [0.2, 0.3], 300],
    ['three common words', 8, [0.4, 0.5, 0.6], 1000],
    ['a rare word and two common ones', 9, [0.04, 0.5, 0.5], 1000],
  ])('%s: knowing which passages hold every listed word completes fewer passages for the same top 8', (_, seed, shares, depth) => {
    const options = { certify: 8, maxDepth: depth as number, maxCompletions: 5000, unseenBoost: 1 };
    const withHolding = corpus(seed as number, 20_000, shares as number[], depth as number);
    const { holdingAll, ...rest } = withHolding.source;
    expect(holdingAll).toBeDefined();
    const without = corpus(seed as number, 20_000, shares as number[], depth as number);
    const ranked = thresholdSearch(withHolding.words, withHolding.source, options);
    const rankedWithout = thresholdSearch(without.words, { ...rest, exactScores: without.source.exactScores }, options);
    expect(top(ranked, 8)).toEqual(top(rankedWithout, 8));
    expect(top(ranked, 8)).toEqual(withHolding.exhaustive.slice(0, 8));
    expect(withHolding.completions()).toBeLessThan(without.completions());
  });

  it('reads lists no deeper and completes no more passages than its bounds, whatever the corpus', () => {
    const { words, source, completions } = corpus(5, 50_000, [0.6, 0.7, 0.8], 1000);
    let entries = 0;
    const counted: ImpactSource = { ...source, listSlice: (word, from, to) => {
      const slice = source.listSlice(word, from, to);
      entries += slice.length;
      return slice;
    } };
    thresholdSearch(words, counted, { certify: 8, maxDepth: 1000, maxCompletions: 100, unseenBoost: 1 });
    expect(entries).toBeLessThanOrEqual(3 * 1000);
    expect(completions()).toBeLessThanOrEqual(100);
  });
});

describe('passage vectors', () => {
  it('give back each wanted term frequency, 0 for terms absent, whatever the ids', () => {
    const frequencies = new Map([[3, 1], [200, 7], [70_000, 2], [5, 130]]);
    const vector = encodeVector(frequencies);
    const out: number[] = [];
    frequenciesIn(vector, [1, 3, 5, 199, 200, 70_000, 90_000], out);
    expect(out.slice(0, 7)).toEqual([0, 1, 130, 0, 7, 2, 0]);
  });
});

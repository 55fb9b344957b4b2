import type { RankedPassage } from './backend.js';

export function byScore(a: RankedPassage, b: RankedPassage): number {
  return b.score - a.score || a.id - b.id;
}

/** The `limit` best passages, best first, without sorting them all (a common word's list holds thousands). */
export function best(ranked: readonly RankedPassage[], limit: number): RankedPassage[] {
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

/**
 * The `limit` ids of highest score, best first (ties by id), as `best` ranks them, without an
 * object per id: a conjunction at 10 000× gives up to ~60 000 passages.
 */
export function bestIds(ids: readonly number[], scoreOf: (id: number) => number, limit: number): number[] {
  const scores = Float64Array.from(ids, scoreOf);
  const least = scores.length > limit ? scores.slice().sort()[scores.length - limit]! : -Infinity;
  const kept: RankedPassage[] = [];
  for (let i = 0; i < ids.length; i++) if (scores[i]! >= least) kept.push({ id: ids[i]!, score: scores[i]! });
  return best(kept, limit).map((hit) => hit.id);
}

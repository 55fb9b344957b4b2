import type { ReportLibrary } from '../library.js';
import type { PassageHit } from '../search/engine.js';

/**
 * A topic comparison keeps a place only when its best passage really speaks to the topic: it holds
 * at least MIN_COVERAGE of the topic's content words and scores at least MIN_SHARE_OF_BEST of the
 * best place's passage. A passage scored 5 beside others scored 60–83 is no answer for its place:
 * the place goes to `missing`, with the reason.
 */
export const MIN_COVERAGE = 0.5;
export const MIN_SHARE_OF_BEST = 0.2;

export interface TopicRow {
  place: string;
  hit: PassageHit;
}

export function topicRows(library: ReportLibrary, topic: string, places: readonly string[]): { rows: TopicRow[]; missing: { place: string; reason: string }[] } {
  const best = library.bestPassagePerPlace(topic, places);
  const top = Math.max(0, ...[...best.values()].map((hit) => hit.score));
  const rows: TopicRow[] = [];
  const missing: { place: string; reason: string }[] = [];
  for (const place of places) {
    const hit = best.get(place);
    if (!hit) missing.push({ place, reason: '报告中没有含这些词的段落' });
    else if (hit.coverage < MIN_COVERAGE) missing.push({ place, reason: `最相关的段落只含问题的一部分词语(${percent(hit.coverage)}),不算回答` });
    else if (hit.score < MIN_SHARE_OF_BEST * top) missing.push({ place, reason: `最相关的段落得分只有最高者的${percent(hit.score / top)},不算回答` });
    else rows.push({ place, hit });
  }
  rows.sort((a, b) => b.hit.score - a.hit.score);
  return { rows, missing };
}

function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

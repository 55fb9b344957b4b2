import path from 'node:path';
import type { ReportMeta } from './types.js';

/** A city or county name as reports write it: 许昌市, 清水县 (2–3 characters plus suffix). */
const PLACE_MENTION = /([\u4e00-\u9fff]{2,3}?)(市|县)(?![场长委政级民区内外域属直])/gu;
const NOT_A_PLACE = /^(我|全|本|该|各|城|省|县|市|地|都|超|城乡|全省|全市|全县|本市|本县|各县|门市|上市|城市|县市)/;
const MIN_MENTIONS = 2;

/**
 * Metadata for a report dropped into the corpus without front matter: the place mentioned most
 * often, the first line as title, the first date as published. Returns a reason when the place
 * cannot be told.
 */
export function inferMetadata(fileName: string, text: string): { meta: ReportMeta } | { reason: string } {
  const place = mostMentionedPlace(text);
  if (!place) {
    return {
      reason:
        'no front matter and no place could be inferred from the text; add a header such as ' +
        '"---\\nplace: 许昌市\\nprovince: 河南省\\npublished: 2025-09\\n---"',
    };
  }
  const docId = path.basename(fileName, path.extname(fileName)).replace(/[^\p{L}\p{N}_-]+/gu, '-');
  const firstLine = text.split('\n').find((line) => line.trim() !== '') ?? docId;
  return {
    meta: {
      doc_id: docId,
      title: firstLine.trim().slice(0, 80),
      place,
      place_id: place.replace(/(市|县)$/, ''),
      province: '',
      level: place.endsWith('县') ? 'county' : 'city',
      published: firstDate(text) ?? '',
      source: '',
      period: '',
      original: path.basename(fileName),
    },
  };
}

function mostMentionedPlace(text: string): string | undefined {
  const counts = new Map<string, number>();
  for (const match of text.matchAll(PLACE_MENTION)) {
    const name = `${match[1]}${match[2]}`;
    if (NOT_A_PLACE.test(name)) continue;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
  const best = ranked[0];
  return best && best[1] >= MIN_MENTIONS ? best[0] : undefined;
}

function firstDate(text: string): string | undefined {
  const match = /(20\d{2}|19\d{2})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})/.exec(text);
  if (!match) return undefined;
  const [, year, month, day] = match;
  return `${year}-${month?.padStart(2, '0')}-${day?.padStart(2, '0')}`;
}

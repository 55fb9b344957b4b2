import path from 'node:path';
import { inferPlace } from '../places/infer.js';
import type { Places } from '../places/places.js';
import type { PlaceUnit } from '../places/types.js';
import { simplify } from '../text/simplify.js';
import { readHeadline } from './headline.js';
import type { PlaceGuess, ReportMeta } from './types.js';

const HEADER_EXAMPLE = '"---\\nplace: 许昌市\\nprovince: 河南省\\npublished: 2025-09\\n---"';

/**
 * The page as published (cleaning removes 来源/发布机构 lines, the best evidence of a publisher) in
 * simplified characters, except the names the gazetteer holds as written (乾县 is no 干县).
 */
function readableForPlaces(places: Places, page: string): string {
  const simplified = simplify(page);
  if (simplified === page) return page;
  let out = simplified;
  for (const mention of places.mentions.find(page)) {
    if (mention.form === 'full') out = out.slice(0, mention.start) + page.slice(mention.start, mention.end) + out.slice(mention.end);
  }
  return out;
}

/** Metadata of a gazetteer unit as a report's header would give it. */
export function placeFields(places: Places, unit: PlaceUnit): Pick<ReportMeta, 'place' | 'place_id' | 'place_code' | 'province' | 'level'> {
  return { place: unit.name, place_id: unit.id, place_code: unit.code, province: places.gazetteer.provinceOf(unit).name, level: unit.level };
}

/** A doc_id from a file name: runs of other characters become -, none at the ends, at most 120 characters. */
export function docIdFor(fileName: string): string {
  return path
    .basename(fileName, path.extname(fileName))
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/^[-_]+|[-_]+$/g, '')
    .slice(0, 120);
}

/**
 * Metadata for a report dropped into the corpus without front matter: the place the text names
 * (places/infer.ts, read in simplified characters), the headline of the page as title, its date
 * as published. Returns a reason when
 * the text names no place at all; a guess the evidence does not settle comes back marked.
 */
export function inferMetadata(places: Places, fileName: string, text: string, page: string): { meta: ReportMeta; guess: PlaceGuess } | { reason: string } {
  // The page as published, line by line: cleaning joins wrapped lines, and a headline with them.
  const headline = readHeadline(page);
  const inferred = inferPlace(places.gazetteer, places.mentions, readableForPlaces(places, page), simplify(headline.title));
  if (!inferred.unit) {
    return { reason: `no front matter, and ${inferred.why}: add a header such as ${HEADER_EXAMPLE}` };
  }
  const fields = placeFields(places, inferred.unit);
  const meta: ReportMeta = {
    doc_id: docIdFor(fileName),
    title: headline.title || docIdFor(fileName),
    ...fields,
    published: headline.published,
    source: '',
    period: '',
    original: path.basename(fileName),
  };
  return { meta, guess: { file: path.basename(fileName), place: fields.place, province: fields.province, confident: inferred.confident, why: inferred.why } };
}

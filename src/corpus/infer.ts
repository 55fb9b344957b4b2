import path from 'node:path';
import { inferPlace } from '../places/infer.js';
import type { Places } from '../places/places.js';
import type { PlaceUnit } from '../places/types.js';
import { simplify } from '../text/simplify.js';
import { readHeadline } from './headline.js';
import type { PlaceGuess, ReportMeta } from './types.js';

const HEADER_EXAMPLE = '"---\\nplace: 许昌市\\nprovince: 河南省\\npublished: 2025-09\\n---"';

/** Metadata of a gazetteer unit as a report's header would give it. */
export function placeFields(places: Places, unit: PlaceUnit): Pick<ReportMeta, 'place' | 'place_id' | 'place_code' | 'province' | 'level'> {
  return { place: unit.name, place_id: unit.id, place_code: unit.code, province: places.gazetteer.provinceOf(unit).name, level: unit.level };
}

export function docIdFor(fileName: string): string {
  return path.basename(fileName, path.extname(fileName)).replace(/[^\p{L}\p{N}_-]+/gu, '-');
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
  const inferred = inferPlace(places.gazetteer, places.mentions, simplify(text), simplify(headline.title));
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

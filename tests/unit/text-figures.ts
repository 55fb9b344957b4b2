import { splitPassages } from '../../src/corpus/passages.js';
import type { Passage, Report } from '../../src/corpus/types.js';
import { extractFigures } from '../../src/indicators/extract.js';
import type { Figure } from '../../src/indicators/types.js';
import { loadPlaces } from '../../src/places/places.js';

/** Figures of a text written for a test, read as a report of `place` published on `published`. */

const places = loadPlaces();

/** One passage per sentence or line, so that a test's sentences are read one at a time. */
function sentencePassages(text: string): Passage[] {
  const passages: Passage[] = [];
  let ordinal = 0;
  for (const match of text.matchAll(/[^\n。]+[。]?/g)) {
    const start = match.index ?? 0;
    passages.push({ passage_id: `t:${ordinal}`, doc_id: 't', ordinal: ordinal++, start, end: start + match[0].length, text: match[0] });
  }
  return passages;
}

/** `split: 'product'` cuts passages as an indexed report is cut (tables stay whole); `'sentences'` one per sentence. */
export function figuresOfText(text: string, place: string, published: string, split: 'sentences' | 'product' = 'sentences'): Figure[] {
  const place_code = places.gazetteer.named(place)[0]?.code ?? '';
  const report: Report = {
    meta: { doc_id: 't', place, place_code, published, title: '', place_id: '', province: '', level: '', source: '', period: '', original: '' },
    text,
    file: 't.md',
  };
  return extractFigures(report, split === 'product' ? splitPassages('t', text) : sentencePassages(text), places);
}

/** What the tools return by default for a text read as an indexed report: confident levels as [indicator, place, value, year]. */
export function confidentLevels(text: string, place: string, published: string): (string | number | null)[][] {
  return figuresOfText(text, place, published, 'product')
    .filter((f) => f.confidence === 'high')
    .map((f) => [f.indicator, f.place, f.normalized_value, f.as_of]);
}

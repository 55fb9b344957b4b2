import fs from 'node:fs';
import path from 'node:path';
import { cleanReportText } from '../../src/corpus/clean.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { Report } from '../../src/corpus/types.js';
import { CATALOGUE } from '../../src/indicators/catalogue.js';
import { extractFigures } from '../../src/indicators/extract.js';
import type { Figure } from '../../src/indicators/types.js';
import type { Places } from '../../src/places/places.js';
import { PACKAGE_ROOT } from '../../src/paths.js';
import { readFixture } from '../helpers.js';

/** The development corpus's pages and the gold table read from them by hand (tests/fixtures/dev-gold/). */
export const DEV_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'dev-corpus');

export interface GoldNumber {
  at: number;
  num: string;
  quote: string;
  role: 'level' | 'previous' | 'change' | 'plan' | 'ratio' | 'subset' | 'per_unit' | 'date_id' | 'other';
  indicator?: string;
  place?: string;
  scope?: string;
  value?: number | null;
  normalized_value?: number | null;
  as_of?: number | null;
  note?: string;
}

export interface GoldPage {
  file: string;
  place: string;
  numbers: GoldNumber[];
}

export const split = readFixture<{ held_back: string[] }>('dev-gold/split.json');
const meta = JSON.parse(fs.readFileSync(path.join(DEV_DIR, 'meta.json'), 'utf8')) as Record<string, { place: string; province: string; level: string; published: string }>;
const CATALOGUE_IDS = new Set(CATALOGUE.map((indicator) => indicator.id));

export function goldPages(): GoldPage[] {
  return fs
    .readdirSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', 'dev-gold'))
    .filter((file) => file !== 'split.json')
    .sort()
    .map((file) => readFixture<GoldPage>(`dev-gold/${file}`));
}

/** A page as a user would add it with a correct header: the place is not what is measured here. */
export function pageReport(places: Places, file: string): Report {
  const page = meta[file]!;
  const unit = places.gazetteer.named(page.place).find((candidate) => candidate.name === page.place);
  const text = cleanReportText(fs.readFileSync(path.join(DEV_DIR, 'texts', file), 'utf8'));
  return {
    meta: {
      doc_id: file.replace(/\.txt$/, ''),
      title: '',
      place: page.place,
      place_id: unit?.id ?? '',
      place_code: unit?.code ?? '',
      province: page.province,
      level: page.level,
      published: /^\d{4}(-\d{2}(-\d{2})?)?/.exec(page.published)?.[0] ?? '',
      source: '',
      period: '',
      original: file,
    },
    text,
    file,
  };
}

export function pageFigures(places: Places, file: string): Figure[] {
  const report = pageReport(places, file);
  return extractFigures(report, splitPassages(report.meta.doc_id, report.text), places);
}

const digits = (text: string) => text.replace(/,/g, '');

/** Whether a figure is the gold level: same indicator and value, its number written in the quote, and the same place or part. */
/**
 * Gold written before the catalogue split 低保 and 特困 money out of assistance_funds: a figure of
 * either part answers a gold assistance_funds (the gold was read at the coarser grain).
 */
export const WRITTEN_COARSER: Record<string, readonly string[]> = { assistance_funds: ['dibao_funds', 'tekun_funds'] };

export function sameIndicator(gold: string | undefined, figure: string): boolean {
  return gold === figure || (gold !== undefined && (WRITTEN_COARSER[gold]?.includes(figure) ?? false));
}

function matches(gold: GoldNumber, figure: Figure, reportPlace: string): boolean {
  if (!sameIndicator(gold.indicator, figure.indicator)) return false;
  if (!digits(figure.written).includes(digits(gold.num))) return false;
  if (gold.normalized_value != null && figure.normalized_value != null) {
    if (Math.abs(gold.normalized_value - figure.normalized_value) > 0.011 * Math.max(1, Math.abs(gold.normalized_value))) return false;
  }
  const quote = figure.citation.quote.replace(/\s+/g, '');
  const goldQuote = gold.quote.replace(/\s+/g, '');
  if (!quote.includes(goldQuote) && !goldQuote.includes(quote) && !overlap(quote, goldQuote)) return false;
  const partOfPlace = Boolean(gold.scope) || (gold.place !== undefined && gold.place !== reportPlace);
  return partOfPlace === figure.sub_place && (!gold.place || gold.place === reportPlace || gold.place === figure.place || figure.place.includes(gold.place.replace(/[市县区]$/, '')));
}

function overlap(a: string, b: string): boolean {
  for (let i = 0; i + 8 <= b.length; i++) if (a.includes(b.slice(i, i + 8))) return true;
  return false;
}

export interface Scored {
  file: string;
  right: { figure: Figure; gold: GoldNumber }[];
  wrong: { figure: Figure; gold?: GoldNumber }[];
  missed: GoldNumber[];
}

/** Every figure of a page against its gold numbers: right, wrong (with the gold role of its number), and missed levels. */
export function scorePage(page: GoldPage, figures: readonly Figure[], reportPlace: string): Scored {
  const levels = page.numbers.filter((n) => n.role === 'level' && n.indicator && CATALOGUE_IDS.has(n.indicator));
  const used = new Set<GoldNumber>();
  const right: Scored['right'] = [];
  const wrong: Scored['wrong'] = [];
  for (const figure of figures) {
    const gold = levels.find((n) => !used.has(n) && matches(n, figure, reportPlace));
    if (gold) {
      used.add(gold);
      right.push({ figure, gold });
    } else {
      const number = page.numbers.find((n) => digits(figure.written).includes(digits(n.num)) && figure.citation.quote.includes(n.num));
      wrong.push({ figure, gold: number });
    }
  }
  const missed = levels.filter((n) => !used.has(n) && !n.scope);
  return { file: page.file, right, wrong, missed };
}

export function summary(scored: readonly Scored[]) {
  const right = scored.reduce((sum, s) => sum + s.right.length, 0);
  const wrong = scored.reduce((sum, s) => sum + s.wrong.length, 0);
  const missed = scored.reduce((sum, s) => sum + s.missed.length, 0);
  const requiredFound = scored.reduce((sum, s) => sum + s.right.filter((r) => !r.gold.scope).length, 0);
  return {
    pages: scored.length,
    returned: right + wrong,
    right,
    precision: right + wrong === 0 ? 1 : right / (right + wrong),
    recall: requiredFound + missed === 0 ? 1 : requiredFound / (requiredFound + missed),
    levels: requiredFound + missed,
    /** Of the right figures whose gold states a year, how many carry that year. */
    yearsRight: `${scored.reduce((sum, s) => sum + s.right.filter((r) => r.gold.as_of != null && r.figure.as_of === r.gold.as_of).length, 0)}/${scored.reduce((sum, s) => sum + s.right.filter((r) => r.gold.as_of != null).length, 0)}`,
  };
}

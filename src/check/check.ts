import { MinzhengError } from '../errors.js';
import { resolveIndicators } from '../indicators/resolve.js';
import { findQuantities } from '../indicators/quantities.js';
import { normalize } from '../indicators/normalize.js';
import type { ReportLibrary } from '../library.js';
import { claimsIn, type Claim } from './claims.js';
import { checkClaim, type Check } from './verdict.js';

/**
 * check_figure's two ways in: a statement (a sentence or a paragraph: one check per number that
 * names an indicator), or a place, an indicator, a value (with its unit as written, else the
 * indicator's normalised unit) and an optional year.
 */
export interface FigureQuery {
  place: string;
  indicator: string;
  value: number;
  unit?: string;
  year?: number;
}

/** The newest year the corpus speaks of: a statement's 到2025年 after it is a plan. */
function presentYear(library: ReportLibrary): number | null {
  const years = library.reports.map((report) => Number(/^(\d{4})/.exec(report.meta.published)?.[1] ?? NaN)).filter((year) => !Number.isNaN(year));
  return years.length > 0 ? Math.max(...years) : null;
}

export function checkStatement(library: ReportLibrary, statement: string): Check[] {
  return claimsIn(statement, library.changes.readingPlaces(), library.places, presentYear(library)).map((claim) => checkClaim(library, claim));
}

export function checkFigure(library: ReportLibrary, query: FigureQuery): Check[] {
  const request = resolveIndicators(query.indicator);
  const place = library.places.resolve(query.place).name;
  const written = `${query.value}${query.unit ?? ''}`;
  const quantity = findQuantities(written)[0];
  if (query.unit !== undefined && (!quantity || quantity.end !== written.length)) {
    throw new MinzhengError('BAD_ARGUMENT', `无法读取单位 "${query.unit}" (unit not understood): give it as reports write it, e.g. "元/人/月", "元/人/年", "亿元", "万人次", "张", "%", or leave it out to mean the indicator's unit.`);
  }
  return request.members.map((indicator) => {
    const value = quantity ? normalize(indicator, quantity, undefined).value : query.value;
    const claim: Claim = {
      kind: 'level',
      indicator,
      place,
      year: query.year ?? null,
      value,
      raw_value: quantity ? quantity.value * quantity.magnitude : query.value,
      written: query.unit === undefined ? `${query.value}${indicator.unit}` : written,
      qualifier: quantity?.qualifier ?? 'exact',
      role: 'level',
      sentence: `${query.year ? `${query.year}年` : ''}${place}${indicator.name} ${written}`,
      start: 0,
      end: 0,
    };
    return checkClaim(library, claim);
  });
}

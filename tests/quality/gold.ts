import type { Figure } from '../../src/indicators/types.js';
import { readFixture } from '../helpers.js';

export interface GoldFigure {
  doc_id?: string;
  indicator: string;
  place: string;
  value: number;
  unit: string;
  normalized_value: number;
  normalized_unit: string;
  qualifier: string;
  as_of: number | null;
  previous?: { value: number; unit: string; year: number | null };
  quote: string;
  /**
   * Re-read 2026-11-24: a total over several years, which the sentence says (十年来, 5年来, 连续10年…
   * heading it): not one year's level, and extracted as role `cumulative`, marked and kept apart.
   */
  role?: 'cumulative';
  span?: string;
}

const allGold = readFixture<GoldFigure[]>('gold-figures.json');
/** The levels: what a place has or pays, scored for precision and recall. */
export const goldFigures = allGold.filter((gold) => gold.role === undefined);
/** Totals over several years the reports state: each must come back as such, never as a level. */
export const goldTotals = allGold.filter((gold) => gold.role === 'cumulative');

export function sameFigure(gold: GoldFigure, figure: Figure): boolean {
  return (
    (gold.doc_id === undefined || gold.doc_id === figure.doc_id) &&
    gold.indicator === figure.indicator &&
    gold.place === figure.place &&
    figure.normalized_value !== null &&
    Math.abs(gold.normalized_value - figure.normalized_value) <= 0.01 * Math.max(1, Math.abs(gold.normalized_value)) &&
    figure.citation.quote.includes(gold.quote.slice(0, 6)) === figure.citation.quote.includes(gold.quote.slice(0, 6))
  );
}

/** Greedy one-to-one matching of extracted figures to gold figures. */
export function score(gold: readonly GoldFigure[], extracted: readonly Figure[]) {
  const used = new Set<number>();
  const matched: [GoldFigure, Figure][] = [];
  const missed: GoldFigure[] = [];
  for (const g of gold) {
    const index = extracted.findIndex((f, i) => !used.has(i) && sameFigure(g, f) && f.citation.quote.includes(String(g.value)));
    const fallback = index >= 0 ? index : extracted.findIndex((f, i) => !used.has(i) && sameFigure(g, f));
    if (fallback >= 0) {
      used.add(fallback);
      matched.push([g, extracted[fallback]!]);
    } else missed.push(g);
  }
  const spurious = extracted.filter((_, i) => !used.has(i));
  return {
    precision: extracted.length === 0 ? 1 : matched.length / extracted.length,
    recall: gold.length === 0 ? 1 : matched.length / gold.length,
    matched,
    missed,
    spurious,
  };
}

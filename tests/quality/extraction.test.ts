import { describe, expect, it } from 'vitest';
import { compareIndicator } from '../../src/compare.js';
import { bundledLibrary, readFixture } from '../helpers.js';
import { goldFigures, goldTotals, sameFigure, score } from './gold.js';

interface Negatives {
  missing: { indicator: string; place: string; why: string }[];
  not_levels: { doc_id: string; quote: string; indicator: string; why: string }[];
}

const library = bundledLibrary();
const negatives = readFixture<Negatives>('gold-negatives.json');
const figures = library.indicators.catalogue.flatMap((indicator) => [...library.indicators.figuresOf(indicator.id)]).filter((figure) => figure.confidence === 'high');

describe('extraction against the gold table read from the five reports', () => {
  it('has at least 80 gold figures (levels and totals over several years) and 20 negative cases', () => {
    expect(goldFigures.length + goldTotals.length).toBeGreaterThanOrEqual(80);
    expect(goldFigures.length).toBeGreaterThanOrEqual(60);
    expect(negatives.missing.length).toBeGreaterThanOrEqual(20);
  });

  it('reaches precision ≥ 0.97 and recall ≥ 0.9', () => {
    const result = score(goldFigures, figures);
    const qualifierAgreement = result.matched.filter(([g, f]) => g.qualifier === f.qualifier).length / result.matched.length;
    const dated = result.matched.filter(([g]) => g.as_of !== null);
    const asOfAgreement = dated.filter(([g, f]) => g.as_of === f.as_of).length / dated.length;
    process.stderr.write(
      `extraction: ${JSON.stringify({ gold: goldFigures.length, extracted: figures.length, precision: result.precision, recall: result.recall, qualifierAgreement, asOfAgreement })}\n`,
    );
    for (const missed of result.missed) process.stderr.write(`  missed: ${missed.indicator} ${missed.place} ${missed.value}${missed.unit} 「${missed.quote}」\n`);
    for (const extra of result.spurious) process.stderr.write(`  spurious: ${extra.indicator} ${extra.place} ${extra.value}${extra.unit} 「${extra.citation.quote}」\n`);
    expect(result.precision).toBeGreaterThanOrEqual(0.97);
    expect(result.recall).toBeGreaterThanOrEqual(0.9);
    expect(qualifierAgreement).toBeGreaterThanOrEqual(0.95);
    expect(asOfAgreement).toBeGreaterThanOrEqual(0.95);
  });

  it.each(goldTotals.map((gold) => [gold.span, gold.quote, gold] as const))('a total over several years (%s) comes back marked cumulative, not as a level: 「%s」', (_span, _quote, gold) => {
    const all = library.indicators.figuresOf(gold.indicator, true).filter((figure) => sameFigure(gold, figure));
    expect(all.map((figure) => [figure.role, figure.confidence])).toEqual([['cumulative', 'low']]);
  });

  it.each(negatives.missing.map((m) => [m.indicator, m.place, m] as const))('%s for %s comes back in `missing`', (indicator, place) => {
    const [{ comparison }] = compareIndicator(library.indicators, indicator).parts as [{ comparison: { missing: string[]; rows: { place: string }[] } }];
    expect(comparison.missing).toContain(place);
    expect(comparison.rows.map((row) => row.place)).not.toContain(place);
  });

  it.each(negatives.not_levels.map((n) => [n.why, n] as const))('no level from a trap: %s', (_why, trap) => {
    const grabbed = figures.filter(
      (f) => f.doc_id === trap.doc_id && f.indicator === trap.indicator && trap.quote.includes(`${f.value}`) && (trap.quote.includes(f.citation.quote) || f.citation.quote.includes(trap.quote) || overlaps(f.citation.quote, trap.quote)),
    );
    expect(grabbed).toEqual([]);
  });
});

function overlaps(a: string, b: string): boolean {
  return a.length >= 8 && b.length >= 8 && (a.includes(b.slice(0, 8)) || b.includes(a.slice(0, 8)));
}

import { describe, expect, it } from 'vitest';
import { indicatorById } from '../../src/indicators/catalogue.js';
import { seriesOf } from '../../src/timeline/timeline.js';
import { bundledLibrary, readFixture } from '../helpers.js';

/** Every bundled series with two or more points against the table read by hand (tests/fixtures/gold-series.json). */
interface GoldSeries {
  place: string;
  indicator: string;
  right: boolean;
  points: [number, number, string][];
}

const gold = readFixture<{ series: GoldSeries[] }>('gold-series.json').series;
const library = bundledLibrary();
const series = seriesOf(library, library.indicators.catalogue.map((indicator) => indicator.id)).filter((s) => s.points.length >= 2);

describe('series of the bundled corpus', () => {
  it('are exactly the series read by hand, point for point', () => {
    const got = series.map((s) => `${s.place}|${s.indicator}`).sort();
    expect(got).toEqual(gold.map((g) => `${g.place}|${g.indicator}`).sort());
    for (const g of gold) {
      const s = series.find((candidate) => candidate.place === g.place && candidate.indicator === g.indicator)!;
      expect(s.points.map((p) => [p.year, p.value, p.source]), `${g.place} ${g.indicator}`).toEqual(g.points);
    }
    const right = gold.filter((g) => g.right).length;
    process.stderr.write(`series with ≥ 2 points: ${gold.length}, right by hand: ${right}\n`);
    expect(right).toBeGreaterThanOrEqual(gold.length - 1);
  });

  it('cite every point: the quote is the report text at its offsets and holds the number', () => {
    for (const s of series) {
      for (const point of s.points) {
        const text = library.getReport(point.doc_id).text;
        expect(text.slice(point.citation.start, point.citation.end)).toBe(point.citation.quote);
        expect(point.citation.quote.replace(/,/g, '')).toContain(String(point.raw_value / (point.written.includes('亿') ? 1e8 : point.written.includes('万') ? 1e4 : 1)));
      }
    }
  });

  it('are ordered by year and in the indicator\'s unit', () => {
    for (const s of series) {
      expect(s.points.map((p) => p.year)).toEqual([...s.points.map((p) => p.year)].sort((a, b) => a - b));
      expect(s.unit).toBe(indicatorById(s.indicator)!.unit);
    }
  });

  it('flag two sources that disagree on a year, and keep both', async () => {
    const { buildSeries } = await import('../../src/timeline/series.js');
    const figure = library.indicators.figuresOf('dibao_urban').find((f) => f.report_place === '许昌市')!;
    const other = { ...figure, doc_id: 'other', normalized_value: 720, value: 720, written: '720元', previous: undefined };
    const [built] = buildSeries([figure, other]);
    const year = built!.points.filter((p) => p.year === figure.as_of);
    expect(year).toHaveLength(2);
    expect(year.every((p) => p.conflict)).toBe(true);
    expect(built!.conflict_years).toEqual([figure.as_of]);
  });
});

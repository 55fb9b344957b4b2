import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledLibrary } from '../helpers.js';
import { call, citationsIn, connectInMemory, textOf } from './client.js';

let client: Client;
const library = bundledLibrary();

beforeAll(async () => {
  client = await connectInMemory();
});

function expectCited(structured: unknown): number {
  const citations = citationsIn(structured);
  for (const citation of citations) expect(library.getReport(citation.doc_id).text.slice(citation.start, citation.end)).toBe(citation.quote);
  return citations.length;
}

describe('lookup_indicator with include ["changes"]', () => {
  it('returns stated changes apart from the levels, cited, with a text table', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '社会组织数', place: '镇江', include: ['changes'] });
    const { matches, changes } = result.structuredContent as { matches: { value: number }[]; changes: { delta: number; unit: string; measure: string; period_from: number | null; period_to: number | null }[] };
    expect(matches.map((m) => m.value)).toEqual([3500]);
    expect(changes.map((c) => [c.delta, c.unit, c.measure, c.period_from, c.period_to])).toEqual([
      [1486, '个', 'amount', 2012, 2021],
      [73.78, '%', 'percent', 2012, 2021],
    ]);
    expect(expectCited(result.structuredContent)).toBe(3);
    expect(textOf(result)).toContain('| 2012→2021 | 镇江市·社会组织数 | +1486个 |');
  });

  it('with "series": each place\'s values by year, cited, as a table in the text', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '城市低保标准', place: '许昌', include: ['series'] });
    const { series } = result.structuredContent as { series: { place: string; unit: string; points: { year: number; value: number; source: string; year_source: string }[] }[] };
    expect(series.map((s) => [s.place, s.unit, s.points.map((p) => [p.year, p.value, p.source, p.year_source])])).toEqual([
      ['许昌市', '元/人/月', [[2020, 520, 'previous', 'period'], [2025, 700, 'level', 'report']]],
    ]);
    expect(expectCited(result.structuredContent)).toBe(3);
    expect(textOf(result)).toContain('| 2020(由"N年来"推得) | 520 元/人/月 | 520元(调整前) |');
  });

  it('leaves changes out unless asked', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '社会组织数', place: '镇江' });
    expect((result.structuredContent as Record<string, unknown>).changes).toBeUndefined();
  });
});

describe('compare_cities from_year/to_year', () => {
  it('computes each place\'s change from two cited values and shows the arithmetic', async () => {
    const result = await call(client, 'compare_cities', { indicator: '孤儿基本生活费(集中养育)', from_year: 2012, to_year: 2022 });
    const { rows } = result.structuredContent as { rows: { place: string; from_value: number; to_value: number; change: number; change_percent: number; arithmetic: string; from_citation: { doc_id: string; start: number; end: number; quote: string } }[] };
    expect(rows.map((r) => [r.place, r.from_value, r.to_value, r.change, r.change_percent])).toEqual([
      ['镇江市', 1000, 2642, 1642, 164.2],
      ['鹤壁市', 600, 1450, 850, 141.7],
    ]);
    expect(rows[0]!.arithmetic).toBe('2012 → 2022: 1000 → 2642 元/人/月, +1642 (+164.2%)');
    expect(expectCited(result.structuredContent)).toBe(2);
    expect(expectCited(rows.map((row) => ({ citation: row.from_citation })))).toBe(2);
    expect(textOf(result)).toContain('许昌市没有孤儿基本生活费(集中养育)的数据');
  });

  it('refuses half a period', async () => {
    const result = await call(client, 'compare_cities', { indicator: '城市低保标准', from_year: 2012 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain('from_year');
  });
});

describe('check_figure', () => {
  it('gives one verdict per number of a paragraph, with the reports\' values cited', async () => {
    const statement = '鹤壁市农村低保标准为每人每年5000元,城市低保标准为每人每月630元。';
    const result = await call(client, 'check_figure', { statement });
    const { checks } = result.structuredContent as { checks: { verdict: string; number: string; statement_start: number; reported: { written: string }[]; difference: number | null }[] };
    expect(checks.map((c) => [c.verdict, c.number])).toEqual([
      ['contradicted', '5000元'],
      ['supported', '630元'],
    ]);
    expect(checks[0]!.reported.map((r) => r.written)).toEqual(['5040元']);
    expect(checks[0]!.difference).toBe(-3.33);
    expect(statement.slice(checks[1]!.statement_start)).toMatch(/^630元/);
    expect(expectCited(result.structuredContent)).toBe(2);
    expect(textOf(result)).toContain('【不符 contradicted】');
  });

  it('takes place, indicator, value, unit and year', async () => {
    const result = await call(client, 'check_figure', { place: 'xuchang', indicator: '农村低保标准', value: 6672, unit: '元/人/年', year: 2025 });
    expect((result.structuredContent as { checks: { verdict: string }[] }).checks.map((c) => c.verdict)).toEqual(['supported']);
  });

  it.each([
    [{}, 'statement'],
    [{ statement: '鹤壁', place: '鹤壁' }, 'statement'],
    [{ place: '鹤壁', value: 420 }, 'indicator'],
    [{ place: '鹤壁', indicator: '农村低保标准', value: 420, unit: '斤' }, '单位'],
  ])('refuses %o with what to give instead', async (args, expected) => {
    const result = await call(client, 'check_figure', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain(expected);
  });
});

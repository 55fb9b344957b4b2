import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledLibrary } from '../helpers.js';
import { call, citationsIn, connectInMemory, textOf } from './client.js';

let client: Client;
const library = bundledLibrary();

interface Match {
  place: string;
  value: number;
  unit: string;
  written: string;
  normalized_value: number | null;
  qualifier: string;
  citation: { doc_id: string; start: number; end: number; quote: string };
}

function expectCitedAsWritten(match: Match): void {
  const text = library.getReport(match.citation.doc_id).text;
  expect(text.slice(match.citation.start, match.citation.end)).toBe(match.citation.quote);
  expect(match.citation.quote.length).toBeLessThanOrEqual(300);
  expect(match.written).toContain(`${match.value}`);
  expect(match.citation.quote).toContain(match.written);
}

beforeAll(async () => {
  client = await connectInMemory();
});

describe('list_indicators', () => {
  it('covers the contract catalogue with places that have values', async () => {
    const result = await call(client, 'list_indicators');
    const indicators = (result.structuredContent as { indicators: { id: string; name: string; places: string[]; unit: string }[] }).indicators;
    const names = indicators.map((i) => i.name).join('|');
    for (const name of ['城市低保标准', '农村低保标准', '城乡统一低保标准', '事实无人抚养儿童基本生活费', '困难残疾人生活补贴标准', '重度残疾人护理补贴标准', '街道综合养老服务中心数', '社区日间照料中心数', '农村幸福院数', '县级特困供养机构数', '老年助餐点数', '适老化改造户数', '养老机构数', '养老床位数', '社会组织数', '持证社会工作者数', '福利彩票销售额', '福彩公益金', '婚姻登记数', '流浪乞讨人员救助人次', '儿童主任数', '火化率', '低保及特困救助资金']) {
      expect(names).toContain(name);
    }
    expect(indicators.find((i) => i.id === 'dibao_urban')?.places.sort()).toEqual(['清水县', '许昌市', '鹤壁市']);
    expect(indicators.find((i) => i.id === 'dibao_urban')?.unit).toBe('元/人/月');
  });
});

describe('lookup_indicator', () => {
  it.each(['城市低保标准', '城市最低生活保障标准', 'dibao_urban', '各地城市低保标准是多少'])('resolves "%s"', async (indicator) => {
    const result = await call(client, 'lookup_indicator', { indicator, place: '许昌' });
    const { indicator: ref, matches } = result.structuredContent as { indicator: { id: string }; matches: Match[] };
    expect(ref.id).toBe('dibao_urban');
    expect(matches.map((m) => [m.place, m.normalized_value])).toEqual([['许昌市', 700]]);
  });

  it('normalises a per-year standard and carries the earlier value', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '农村低保标准', place: 'xuchang' });
    const [match] = (result.structuredContent as { matches: (Match & { previous: { value: number } })[] }).matches;
    expect(match).toMatchObject({ value: 6672, unit: '元', normalized_value: 556, normalized_unit: '元/人/月' });
    expect(match?.previous.value).toBe(4000);
    expect(textOf(result)).toContain('556 元/人/月');
  });

  it('every figure of every indicator is cited, with the figure as written in the quote', async () => {
    let checked = 0;
    for (const indicator of library.indicators.catalogue) {
      // The uncertain ones too (plans, parts, totals over several years): a figure shown marked is still cited.
      const result = await call(client, 'lookup_indicator', { indicator: indicator.id, include_uncertain: true });
      for (const match of (result.structuredContent as { matches: Match[] }).matches) {
        expectCitedAsWritten(match);
        checked++;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(80);
  });

  it.each([
    [{ indicator: '房价' }, /Unknown indicator "房价".*城市低保标准/],
    [{ indicator: '城市低保标准', place: '北京' }, /没有关于北京市的报告/],
    [{ indicator: '' }, /indicator/],
  ])('rejects %j', async (args, message) => {
    const result = await call(client, 'lookup_indicator', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe('compare_cities', () => {
  it('gives one ranked, normalised, cited row per place and notes unsafe comparisons', async () => {
    const result = await call(client, 'compare_cities', { indicator: '城市低保标准' });
    const data = result.structuredContent as { normalized_unit: string; rows: (Match & { note: string; as_of: number })[]; missing: string[] };
    expect(data.normalized_unit).toBe('元/人/月');
    expect(data.rows.map((r) => [r.place, r.normalized_value])).toEqual([['镇江市', 820], ['清水县', 715], ['许昌市', 700], ['鹤壁市', 630]]);
    expect(data.rows.find((r) => r.place === '镇江市')?.note).toMatch(/城乡统一/);
    expect(data.rows.every((r) => /年份不同/.test(r.note))).toBe(true);
    expect(data.missing).toEqual([]);
    for (const row of data.rows) expectCitedAsWritten(row);
  });

  it('lists places without a value in missing, not with a wrong number', async () => {
    const result = await call(client, 'compare_cities', { indicator: '养老床位', places: ['许昌', '鹤壁', '镇江', '清水'] });
    const data = result.structuredContent as { rows: Match[]; missing: string[] };
    expect(data.rows.map((r) => [r.place, r.normalized_value])).toEqual([['镇江市', 18000]]);
    expect(data.missing.sort()).toEqual(['清水县', '许昌市', '鹤壁市'].sort());
  });

  it('notes a sub-place figure', async () => {
    const result = await call(client, 'compare_cities', { indicator: 'orphan_dispersed' });
    const row = (result.structuredContent as { rows: (Match & { note: string })[] }).rows.find((r) => r.place === '镇江市');
    expect(row?.note).toMatch(/镇江市市区/);
  });

  it('compares a topic with each place\'s best passage', async () => {
    const result = await call(client, 'compare_cities', { topic: '流浪乞讨人员救助', places: ['鹤壁', '镇江', '清水'] });
    const data = result.structuredContent as { rows: { place: string; citation: { quote: string } }[]; missing: string[] };
    expect(data.rows.map((r) => r.place).sort()).toEqual(['清水县', '镇江市', '鹤壁市'].sort());
    for (const row of data.rows) expect(row.citation.quote).toMatch(/流浪乞讨|救助/);
    expect(citationsIn(data).length).toBe(3);
  });

  it.each([
    [{}, /exactly one of/],
    [{ indicator: '城市低保标准', topic: '养老' }, /exactly one of/],
    [{ indicator: '城市低保标准', places: ['许昌', '火星'] }, /"火星" 不是行政区划名称/],
  ])('rejects %j', async (args, message) => {
    const result = await call(client, 'compare_cities', args);
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(message);
  });
});

describe('indicator families', () => {
  it('lookup_indicator with 低保标准 returns every member, each match naming its indicator', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '低保标准' });
    const structured = result.structuredContent as { indicator: { id: string; name: string }; matches: (Match & { indicator: string })[] };
    expect(structured.indicator).toMatchObject({ id: 'dibao', name: '低保标准' });
    const members = new Set(structured.matches.map((m) => m.indicator));
    expect([...members].sort()).toEqual(['dibao_rural', 'dibao_unified', 'dibao_urban']);
    for (const match of structured.matches) expectCitedAsWritten(match);
  });

  it('a member\'s own name still means that member alone', async () => {
    const result = await call(client, 'lookup_indicator', { indicator: '农村低保标准' });
    const matches = (result.structuredContent as { matches: { indicator: string }[] }).matches;
    expect(new Set(matches.map((m) => m.indicator))).toEqual(new Set(['dibao_rural']));
  });

  it('compare_cities with a family gives rows per member and place, with no member standing in for another', async () => {
    const result = await call(client, 'compare_cities', { indicator: '低保标准' });
    const rows = (result.structuredContent as { rows: { indicator: string; place: string; note: string }[] }).rows;
    expect(rows.some((row) => row.indicator === 'dibao_unified' && row.place === '镇江市')).toBe(true);
    expect(rows.some((row) => row.indicator === 'dibao_urban' && row.place === '镇江市')).toBe(false);
    expect(textOf(result)).toContain('城市低保标准各地比较');
  });

  it('says when a place without the indicator states another member of its family', async () => {
    const result = await call(client, 'compare_cities', { indicator: '孤儿基本生活费(集中养育)' });
    const structured = result.structuredContent as { missing: string[]; missing_notes?: { place: string; note: string }[] };
    expect(structured.missing_notes?.map((note) => note.place)).toEqual(['许昌市']);
    for (const note of structured.missing_notes ?? []) {
      expect(structured.missing).toContain(note.place);
      expect(note.note).toMatch(/^没有孤儿基本生活费\(集中养育\),但有/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { Passage, Report } from '../../src/corpus/types.js';
import { readReport } from '../../src/corpus/load.js';
import { docIdFor } from '../../src/corpus/infer.js';
import { subPlaceIn } from '../../src/indicators/context.js';
import { extractFigures } from '../../src/indicators/extract.js';
import type { Figure } from '../../src/indicators/types.js';
import { loadPlaces } from '../../src/places/places.js';
import { PlaceRegistry } from '../../src/places/registry.js';
import { simplify } from '../../src/text/simplify.js';

/** Defects a review of this code found, each written as the input that showed it. */
const places = loadPlaces();

function figures(text: string, place = '许昌市'): Figure[] {
  const code = places.gazetteer.named(place)[0]?.code ?? '';
  const report: Report = { meta: { doc_id: 't', place, place_code: code, published: '2024', title: '', place_id: '', province: '', level: '', source: '', period: '', original: '' }, text, file: 't' };
  const passages: Passage[] = [];
  let ordinal = 0;
  for (const match of text.matchAll(/[^\n。]+[。]?/g)) {
    const start = match.index ?? 0;
    passages.push({ passage_id: `t:${ordinal}`, doc_id: 't', ordinal: ordinal++, start, end: start + match[0].length, text: match[0] });
  }
  return extractFigures(report, passages, places).filter((f) => f.confidence === 'high');
}

describe('extraction', () => {
  it.each([
    ['a comma list is not one number', '城市、农村低保标准分别为每人每月760,590元。', []],
    ['提高为 ends a from→to', '城市低保标准由每人每月500元提高为600元。', [['dibao_urban', 600]]],
    ['虚拟 is no 拟', '依托虚拟养老院,全市养老机构达到50家。', [['elderly_institutions', 50]]],
    ['a part in brackets does not exclude the whole', '全市共有养老床位5000张(其中护理型床位3000张)。', [['elderly_beds', 5000]]],
    ['a heading in traditional characters', '六、臨時救助\n累計發放救助資金100萬元。', [['temporary_assistance_funds', 1000000]]],
  ] as [string, string, [string, number][]][])('%s', (_name, text, expected) => {
    const found = figures(text).map((f) => [f.indicator, f.normalized_value]);
    for (const figure of expected) expect(found).toContainEqual(figure);
    if (expected.length === 0) expect(found).toEqual([]);
  });

  it('does not read 截至 as the 至 of a from→to', () => {
    const report = figures('由市财政安排临时救助资金500万元,截至目前已发放临时救助资金300万元。');
    expect(report.filter((f) => f.previous)).toEqual([]);
  });

  it('keeps offsets when a conversion lengthens one character and shortens another', () => {
    const text = '功勣卓著。\n城市低保標準提高到每人每月600元。\n一𡻕兒童。';
    expect(simplify(text)).toHaveLength(text.length);
    const [figure] = figures(text);
    expect(figure?.written).toBe('600元');
    expect(text.slice(figure!.citation.start, figure!.citation.end)).toBe(figure!.citation.quote);
  });

  it('bounds the heading look-up on a page without line breaks', () => {
    const text = '全市累计发放救助资金100万元。'.repeat(30000);
    const started = performance.now();
    figures(text);
    expect(performance.now() - started).toBeLessThan(15000);
  });
});

describe('places', () => {
  it.each([
    ['省市区三级财政共投入资金1.2亿元', undefined],
    ['市区两级共建成养老机构50家', undefined],
    ['中山路社区建成日间照料中心2个', undefined],
    ['市区城市低保标准提高到每人每月700元', '许昌市市区'],
  ])('sub-place in "%s" is %s', (text, expected) => {
    expect(subPlaceIn(text, { place: '许昌市', place_code: '411000' }, places)).toBe(expected);
  });

  it('keeps two corpus places of one name apart and refuses the bare name', () => {
    const meta = (place: string, code: string, province: string) => ({ doc_id: code, title: '', place, place_id: 'gulou', place_code: code, province, level: 'district', published: '', source: '', period: '', original: '' });
    const registry = new PlaceRegistry([meta('鼓楼区', '320106', '江苏省'), meta('鼓楼区', '350102', '福建省')], () => places.gazetteer);
    expect(registry.places).toHaveLength(2);
    expect(registry.filter({ province: '福建' }).map((p) => p.code)).toEqual(['350102']);
    expect(() => registry.resolve('鼓楼区')).toThrow(/有多个同名地方/);
    expect(registry.expand(['福州'])).toEqual(['鼓楼区']);
  });

  it('writes a header\'s short province by its full name', () => {
    const result = readReport(places, 'x.md', '---\nplace: 镇江\nprovince: 江苏\n---\n镇江市城市低保标准为每人每月820元。\n');
    if (!('report' in result)) throw new Error(result.reason);
    expect([result.report.meta.place, result.report.meta.province, result.report.meta.level]).toEqual(['镇江市', '江苏省', 'city']);
  });

  it('infers a place whose name holds a character OpenCC would convert (乾县), and uses the publisher line cleaning removes', () => {
    const qian = readReport(places, 'q.txt', '民政工作动态\n来源:咸阳市乾县民政局\n全县低保对象保障有力。全县城乡低保标准提高。\n');
    expect('report' in qian && qian.report.meta.place).toBe('乾县');
    expect(docIdFor('（草稿）许昌.md')).toBe('草稿-许昌');
  });
});

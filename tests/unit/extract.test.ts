import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/corpus/types.js';
import { extractFromPassage } from '../../src/indicators/extract.js';
import { loadPlaces } from '../../src/places/places.js';
import type { Figure } from '../../src/indicators/types.js';
import { readFixture } from '../helpers.js';
import { score, type GoldFigure } from '../quality/gold.js';

const places = loadPlaces();

function extract(sentence: string, place = '洛阳市', published = '2023-06'): Figure[] {
  const place_code = places.gazetteer.named(place)[0]?.code ?? '';
  const report: Report = {
    meta: { doc_id: 'test', place, place_code, published, title: '', place_id: '', province: '', level: '', source: '', period: '', original: '' },
    text: sentence,
    file: 'test.md',
  };
  const passage = { passage_id: 'test:000', doc_id: 'test', ordinal: 0, start: 0, end: sentence.length, text: sentence };
  return extractFromPassage(passage, { report, year: Number(published.slice(0, 4)), places });
}

function brief(figures: Figure[]) {
  return figures.map((f) => [f.indicator, f.place, f.normalized_value, f.qualifier]);
}

describe('extractFromPassage', () => {
  it.each([
    ['levels, per-year standard normalised to a month', '农村低保标准由每人每年不低于4000元提高到6672元', [['dibao_rural', '洛阳市', 556, 'exact']]],
    ['分别 with the period stated once', '城乡低保年保障标准分别提高到8580元、5580元', [['dibao_urban', '洛阳市', 715, 'exact'], ['dibao_rural', '洛阳市', 465, 'exact']]],
    ['分别 from one previous value', '将困难残疾人生活补贴和重度残疾人护理补贴,由每人每月60元分别提高至81.5元、87元', [['disability_living_subsidy', '洛阳市', 81.5, 'exact'], ['disability_care_subsidy', '洛阳市', 87, 'exact']]],
    ['a sub-place is kept', '宝鸡市陈仓区已建成农村幸福院86个、社区日间照料中心23个。', [['rural_happiness_homes', '陈仓区', 86, 'exact'], ['day_care_centers', '陈仓区', 23, 'exact']]],
    ['市区 is a sub-place', '市区集中、分散供养孤儿标准分别从2012年的每人每月1000元、600元,提高至2022年的每人每月2642元、1982元', [['orphan_centralized', '洛阳市市区', 2642, 'exact'], ['orphan_dispersed', '洛阳市市区', 1982, 'exact']]],
    ['magnitudes and hedges', '全市共建成养老机构135家,床位数达1.8万余张', [['elderly_institutions', '洛阳市', 135, 'exact'], ['elderly_beds', '洛阳市', 18000, 'about_or_more']]],
    ['full-width punctuation', '全市配备儿童督导员65人，儿童主任734人；注册志愿者66.2万人。', [['child_supervisors', '洛阳市', 65, 'exact'], ['child_directors', '洛阳市', 734, 'exact'], ['volunteers', '洛阳市', 662000, 'exact']]],
  ])('%s', (_name, sentence, expected) => {
    expect(brief(extract(sentence))).toEqual(expected);
  });

  it.each([
    ['a change in money', '今年城市低保标准每人每月提高50元,农村低保标准每人每年提高600元。'],
    ['a growth rate', '2023年全市福利彩票销售额同比增长12%,筹集公益金同比增长8.5%。'],
    ['additions', '今年全市新增养老床位300张,新建社区日间照料中心12个。'],
    ['a per-centre requirement', '街道综合养老服务中心建筑面积不低于1500平方米,床位不低于50张'],
    ['one building\'s beds', '建成拥有480张床位的市精神康复福利中心'],
    ['a salary is not a 低保标准', '社区党组织书记薪酬最高达到每月4075元'],
  ])('gives no level for %s', (_name, sentence) => {
    expect(extract(sentence)).toEqual([]);
  });

  it('keeps the year of a from→to change and the earlier value', () => {
    const [figure] = extract('集中养育孤儿基本生活费标准从2012年的600元/人·月提高到2022年的1450元/人·月,增长了1.4倍');
    expect(figure).toMatchObject({ indicator: 'orphan_centralized', value: 1450, unit: '元/人·月', as_of: 2022, as_of_source: 'text' });
    expect(figure?.previous).toEqual({ value: 600, unit: '元/人·月', year: 2012 });
  });

  it('dates a figure from the report when the sentence says 目前', () => {
    const [figure] = extract('2016年实现城乡低保标准一体化,目前全市低保标准已提高至每人每月820元', '镇江市', '2022');
    expect(figure).toMatchObject({ indicator: 'dibao_unified', as_of: 2022, as_of_source: 'report' });
  });

  it('cites a span of the sentence that contains the figure as written', () => {
    const sentence = '十年来,全市累计销售福利彩票40.84亿元,筹集公益金约14.05亿元,帮扶困难群众十余万人次。';
    for (const figure of extract(sentence)) {
      expect(sentence.slice(figure.citation.start, figure.citation.end)).toBe(figure.citation.quote);
      expect(figure.citation.quote).toContain(`${figure.value}${figure.unit}`);
    }
  });
});

describe('sentences written for these tests, other places and numbers', () => {
  const sentences = readFixture<{ place: string; published: string; sentence: string; expected: GoldFigure[] }[]>('synthetic-figures.json');

  it('has at least 15 sentences, traps included', () => {
    expect(sentences.length).toBeGreaterThanOrEqual(15);
    expect(sentences.filter((s) => s.expected.length === 0).length).toBeGreaterThanOrEqual(4);
  });

  it.each(sentences.map((s) => [s.sentence, s] as const))('%s', (_sentence, s) => {
    const result = score(s.expected, extract(s.sentence, s.place, s.published));
    expect(result.missed).toEqual([]);
    expect(result.spurious).toEqual([]);
    for (const [gold, figure] of result.matched) {
      expect(figure.qualifier).toBe(gold.qualifier);
      if (gold.as_of !== null) expect(figure.as_of).toBe(gold.as_of);
    }
  });
});

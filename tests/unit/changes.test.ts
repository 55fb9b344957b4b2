import { describe, expect, it } from 'vitest';
import type { Passage, Report } from '../../src/corpus/types.js';
import { changePeriodOf } from '../../src/indicators/change-period.js';
import { changesInPassage } from '../../src/indicators/changes.js';
import { extractFromPassage } from '../../src/indicators/extract.js';
import { consistent, lastDigitStep } from '../../src/check/closeness.js';
import { loadPlaces } from '../../src/places/places.js';

/** Changes in sentences written in the reports' style, for other places and numbers than the corpus's. */
const places = loadPlaces();
const report: Report = {
  meta: { doc_id: 'test', title: '', place: '洛阳市', place_id: 'luoyang', place_code: '410300', province: '河南省', level: 'city', published: '2023-05', source: '', period: '', original: '' },
  text: '',
  file: '',
};

function read(sentence: string) {
  const passage: Passage = { passage_id: 'test:000', doc_id: 'test', ordinal: 0, start: 0, end: sentence.length, text: sentence };
  const context = { report: { ...report, text: sentence }, year: 2023, places };
  return { changes: changesInPassage(passage, context), levels: extractFromPassage(passage, context) };
}

describe('changes', () => {
  it.each([
    ['城市低保标准每月提高25元', 'dibao_urban', 25, '元', 'amount', 25],
    ['城乡低保标准年人均增长300元', 'dibao_urban', 300, '元', 'amount', 25],
    ['全市养老床位较上年增长9.9%', 'elderly_beds', 9.9, '%', 'percent', null],
    ['今年新增养老床位481张', 'elderly_beds', 481, '张', 'amount', 481],
    ['全市火化率较上年提高5个百分点', 'cremation_rate', 5, '百分点', 'percentage_points', null],
    ['全市低保对象减少1200人', 'dibao_recipients', -1200, '人', 'amount', -1200],
    ['全市共登记社会组织3500个,比2015年增加1486个', 'social_organizations', 1486, '个', 'amount', 1486],
    ['农村低保标准由每人每年4000元提高到4800元,增幅达20%', 'dibao_rural', 20, '%', 'percent', null],
    ['集中供养孤儿基本生活费较2018年增长了1.5倍', 'orphan_centralized', 1.5, '倍', 'times', null],
  ])('%s → %s %s%s', (sentence, indicator, delta, unit, measure, normalized) => {
    const { changes, levels } = read(sentence);
    const change = changes.find((c) => c.indicator === indicator);
    expect(change, JSON.stringify(changes)).toBeDefined();
    expect(change!.delta).toBe(delta);
    expect(change!.unit).toBe(unit);
    expect(change!.measure).toBe(measure);
    expect(change!.normalized_delta).toBe(normalized);
    expect(change!.confidence).toBe('high');
    expect(sentence.slice(change!.citation.start, change!.citation.end)).toBe(change!.citation.quote);
    // A change is never a level of the same number.
    expect(levels.some((level) => level.value === Math.abs(delta) && level.unit === unit)).toBe(false);
  });

  it('城乡低保 names both standards', () => {
    const { changes } = read('城乡低保标准年人均增长300元');
    expect(changes.map((c) => c.indicator).sort()).toEqual(['dibao_rural', 'dibao_urban']);
  });

  it.each([
    ['社区干部平均收入增长9%', 'a clause with a subject of its own outside the catalogue'],
    ['每万人拥有持证社工数8.5人,较2012年增长11倍', 'a ratio per head'],
    ['城市低保平均补助水平每人每月达439元,比去年同期增加69元', 'an average payment, not the standard'],
    ['福利彩票销售额增加300元', 'a money total does not move by bare 元'],
  ])('%s: no confident change (%s)', (sentence) => {
    expect(read(sentence).changes.filter((c) => c.confidence === 'high')).toEqual([]);
  });

  it('keeps plans and tiers, marked low', () => {
    expect(read('拟新增养老床位5000张').changes.map((c) => [c.role, c.confidence])).toEqual([['plan', 'low']]);
    const tiers = read('特困人员照料护理标准分别提高120元、252元、612元').changes;
    expect(tiers).toHaveLength(3);
    expect(tiers.every((c) => c.role === 'subset' && c.confidence === 'low')).toBe(true);
  });
});

describe('the period a change covers', () => {
  it.each([
    ['比2012年增加1486个', 2012, 2023],
    ['截至2021年末,比2012年增加1486个', 2012, 2021],
    ['较上年增长9.9%', 2022, 2023],
    ['十年来新增床位800张', 2013, 2023],
    ['从2012年的600元提高到2022年的1450元,增长了1.4倍', 2012, 2022],
    ['2020年在2019年的基础上提高20元', 2019, 2020],
    ['从2022年1月1日起提高8%', null, 2022],
  ])('%s → %s–%s', (sentence, from, to) => {
    const at = sentence.search(/\d+(\.\d+)?(个|%|张|倍|元)(?!.*\d(个|%|张|倍|元))/);
    const period = changePeriodOf(sentence, 0, 0, at, 2023);
    expect([period.from, period.to]).toEqual([from, to]);
  });
});

describe('closeness with hedges', () => {
  it.each([
    [{ value: 20e8, qualifier: 'approx' }, { value: 19.78e8, qualifier: 'more_than' }, true],
    [{ value: 1.8e4, qualifier: 'about_or_more' }, { value: 1.85e4, qualifier: 'exact' }, true],
    [{ value: 2e4, qualifier: 'exact' }, { value: 1.8e4, qualifier: 'about_or_more' }, false],
    [{ value: 2.5e8, qualifier: 'nearly' }, { value: 2.4e8, qualifier: 'exact' }, true],
    [{ value: 3e8, qualifier: 'exact' }, { value: 2.5e8, qualifier: 'nearly' }, false],
    [{ value: 420, qualifier: 'exact' }, { value: 420, qualifier: 'exact' }, true],
    [{ value: 5000 / 12, qualifier: 'exact' }, { value: 420, qualifier: 'exact' }, false],
  ] as const)('%o vs %o → %s', (a, b, expected) => {
    expect(consistent(a, b)).toBe(expected);
  });

  it('reads the step of the last digit written', () => {
    expect([lastDigitStep(130), lastDigitStep(1.22e8), lastDigitStep(19.78), lastDigitStep(23000)]).toEqual([10, 1e6, 0.01, 1000]);
  });
});

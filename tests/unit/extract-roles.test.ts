import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/indicators/types.js';
import { figuresOfText } from './text-figures.js';

/**
 * The kinds of wrong figure found on pages the rules had never seen, each in sentences written for
 * this test (other words, places and numbers). Confident levels are what the tools return by default.
 */
function figuresOf(text: string, place = '南阳市', published = '2024-05'): Figure[] {
  return figuresOfText(text, place, published);
}

const confident = (text: string, place?: string) => figuresOf(text, place).filter((f) => f.confidence === 'high');
const brief = (figures: Figure[]) => figures.map((f) => [f.indicator, f.place, f.normalized_value]);

describe('no confident level from', () => {
  it.each([
    ['a cap written as a multiple', '临时救助金额最高不超过3000元(为当地月低保标准的5倍)。'],
    ['a per-case minimum', '对遭遇突发事件的家庭,每次救助金额一般不低于1200元。'],
    ['a sub-group\'s standard', '失能特困人员供养标准为每人每月1180元。'],
    ['a kind of beds', '全县建成家庭养老床位2500余张。'],
    ['nursing beds', '全市护理型床位达到1200张。'],
    ['this year\'s additions', '今年建成社区日间照料中心5个。'],
    ['things being built', '目前正在建设养老机构2家。'],
    ['a plan', '拟在城区新设养老床位300张。'],
    ['a target', '全年福彩销售力争达到3.5亿元。'],
    ['a target year still to come', '到2027年,全市养老床位达到2.6万张。'],
    ['a ratio', '每千名老年人拥有养老床位32.5张。'],
    ['a few days\' count', '春节后7天全市共办理结婚登记612对。'],
    ['one month\'s money', '今年3月份全市发放临时救助资金88万元。'],
    ['an average payment', '城市低保月人均补助水平达到512元。'],
    ['a computed example', '按上年度人均消费支出的30%计算为310元/人月。'],
    ['a range', '低收入家庭认定标准为城市低保标准的1.2-1.5倍,即900-1125元/人月。'],
    ['community social organisations', '全市发展社区社会组织1.2万个。'],
    ['those of a whole with some property', '全县社会组织中取得公益性捐赠税前扣除资格的有14个。'],
    ['rated ones', '全市共有三星级以上养老机构41家。'],
    ['one campaign\'s takings', '“情暖万家”募捐活动共筹集善款320万元。'],
    ['money secured from higher levels', '全年争取中央和省级困难群众救助补助资金3.6亿元。'],
    ['a requirement of at least', '乡镇临时救助备用金不少于10万元。'],
    ['a requirement of a count', '全市儿童督导员不少于60名。'],
    ['people newly brought in', '全年新纳入城乡低保对象2180人。'],
    ['marriage and divorce registrations together', '全年共办理婚姻登记1.1万对。'],
    ['a count over a run of days', '2月10日至2月17日,全市共办理结婚登记1320对。'],
    ['one lottery game\'s sales', '福彩即开型游戏销售1.3亿元。'],
    ['a floor the text requires', '要求各县城市低保标准不低于每人每月700元。'],
    ['a planned number of cases', '全年计划实施临时救助1.5万人次。'],
    ['money budgeted', '市级财政安排城乡低保资金1.6亿元。'],
    ['the province\'s average in a city\'s report', '全省城市低保平均标准为每人每月690元。'],
    ['a neighbouring city\'s standard', '郑州市城市低保标准为每人每月820元。'],
  ])('%s', (_name, sentence) => {
    expect(brief(confident(sentence))).toEqual([]);
  });
});

describe('levels as these pages write them', () => {
  it.each([
    ['和 without 分别', '城乡低保标准提高到每月800元和620元。', [['dibao_urban', '南阳市', 800], ['dibao_rural', '南阳市', 620]]],
    ['a colon after the subject', '城市低保标准:由每人每月700元提高到730元。', [['dibao_urban', '南阳市', 730]]],
    ['元/月 units', '城市低保人均保障标准由720元/月提高至760元/月。', [['dibao_urban', '南阳市', 760]]],
    ['元/人月 and 元/人年', '城市低保标准提高到560元/人月,农村低保标准提高到4200元/人年。', [['dibao_urban', '南阳市', 560], ['dibao_rural', '南阳市', 350]]],
    ['元/月/人', '现在困难残疾人生活补贴标准为90元/月/人。', [['disability_living_subsidy', '南阳市', 90]]],
    ['元∕人年 with U+2215', '农村低保标准为5400元∕人年。', [['dibao_rural', '南阳市', 450]]],
    ['one figure in two units', '城市低保标准为每人每月600元(7200元/年)。', [['dibao_urban', '南阳市', 600]]],
    ['the topic carried into a from→to clause', '全市提高农村低保标准,由每人每年5000元提高到5400元。', [['dibao_rural', '南阳市', 450]]],
    ['a stock with 共', '截至年底,全市共登记社会组织1650个。', [['social_organizations', '南阳市', 1650]]],
    ['a heading names the money under it', '三、临时救助\n全年共发放救助资金560万元。', [['temporary_assistance_funds', '南阳市', 5600000]]],
    ['a statistics table row', '养老机构床位数 | 张 | 12,480', [['elderly_beds', '南阳市', 12480]]],
    ['a table row in 万 units', '养老机构床位 | 万张 | 2.4 |', [['elderly_beds', '南阳市', 24000]]],
    ['a table row of a yearly standard', '农村最低生活保障平均标准 | 元/人·年 | 9,360.0 |', [['dibao_rural', '南阳市', 780]]],
    ['traditional characters', '城市低保標準提高到每人每月不低於810元。', [['dibao_urban', '南阳市', 810]]],
  ])('%s', (_name, text, expected) => {
    expect(brief(confident(text))).toEqual(expected);
  });

  it('keeps a plan, marked, for include_uncertain', () => {
    const [plan] = figuresOf('全年福彩销售力争达到3.5亿元。');
    expect(plan).toMatchObject({ indicator: 'lottery_sales', role: 'plan', confidence: 'low', evidence: '力争' });
  });

  it('marks the parts after 其中 and tiers of one indicator', () => {
    const parts = figuresOf('全区发放临时救助资金800万元,其中东城街道120万元、西城镇90万元。');
    expect(parts.filter((f) => f.confidence === 'high').map((f) => f.normalized_value)).toEqual([8000000]);
    const tiers = figuresOf('城市低保标准:各区由每人每月600元提高到650元,两县由每人每月520元提高到560元。');
    expect(tiers.every((f) => f.confidence === 'low' && f.role === 'subset')).toBe(true);
  });
});

/** A total over several years is kept, marked cumulative with the words it rests on, and never a level. */
describe('totals over several years', () => {
  const roles = (text: string, published = '2024-05') =>
    figuresOf(text, '南阳市', published).map((f) => [f.indicator, f.normalized_value, f.role, f.confidence, f.evidence ?? '']);
  it.each([
    ['N年来 heading the sentence, money', '八年来,全市累计发放高龄津贴资金2.35亿元。', [['elderly_allowance_funds', 235000000, 'cumulative', 'low', '八年来']]],
    ['digits and 以来, cases', '6年来共救助流浪乞讨人员4100人次。', [['vagrant_assistance', 4100, 'cumulative', 'low', '6年来']]],
    ['a five-year plan period', '“十三五”期间,全市福利彩票累计销售27.6亿元。', [['lottery_sales', 2760000000, 'cumulative', 'low', '十三五”期间']]],
    ['since a launch', '自1991年发行以来,本市福利彩票累计销售突破300亿元。', [['lottery_sales', 30000000000, 'cumulative', 'low', '自1991年发行以来']]],
    ['a year before the report\'s', '2019年以来,全市累计为困难群众减免基本丧葬费6800万元。', [['funeral_fee_waivers', 68000000, 'cumulative', 'low', '2019年以来']]],
    ['several years running, registrations', '连续5年,全市办理结婚登记4.1万对。', [['marriage_registrations', 41000, 'cumulative', 'low', '连续5年']]],
    ['the marker scoping a later clause', '近三年,全市实施临时救助1.9万人次,累计支出临时救助资金5300万元。', [['temporary_assistance_cases', 19000, 'cumulative', 'low', '近三年'], ['temporary_assistance_funds', 53000000, 'cumulative', 'low', '近三年']]],
  ])('%s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected);
  });

  it.each([
    ['this year so far (the report\'s own year)', '2024年以来,全市累计发放临时救助资金460万元。', [['temporary_assistance_funds', 4600000, 'level', 'high', '']]],
    ['a stock built up over the years stays the level', '十年来,全市建成社区日间照料中心238个。', [['day_care_centers', 238, 'level', 'high', '']]],
    ['a standard raised over the years stays the level', '五年来,城市低保标准提高到每人每月760元。', [['dibao_urban', 760, 'level', 'high', '']]],
    ['bare 累计 within the year stays the level', '全年累计发放城乡低保资金1.6亿元。', [['dibao_funds', 160000000, 'level', 'high', '']]],
    ['a marker after a full stop does not reach the next sentence', '十年来变化很大。全年共募集善款3100万元。', [['charity_donations', 31000000, 'level', 'high', '']]],
  ])('not from %s', (_name, text, expected) => {
    expect(roles(text)).toEqual(expected);
  });
});

describe('money moved or held, context said before, standards sharing one amount', () => {
  const brief2 = (text: string, place = '南阳市') => figuresOf(text, place).map((f) => [f.indicator, f.normalized_value, f.role, f.confidence]);
  it.each([
    ['one tier of government passing money down', '省级财政下达城乡低保资金4.2亿元。', [['dibao_funds', 420000000, 'allocated', 'low']]],
    ['the finance bureau paying out to a department', '市财政局拨付高龄津贴资金650万元。', [['elderly_allowance_funds', 6500000, 'allocated', 'low']]],
    ['a reserve fund', '县级临时救助备用金保持在150万元。', [['temporary_assistance_funds', 1500000, 'allocated', 'low']]],
    ['every tier together stays the level', '全市各级财政共支出低保资金3.1亿元。', [['dibao_funds', 310000000, 'level', 'high']]],
    ['the place itself passing money down stays the level', '全市共下达低保资金2.4亿元。', [['dibao_funds', 240000000, 'level', 'high']]],
  ])('%s', (_name, text, expected) => {
    expect(brief2(text)).toEqual(expected);
  });

  it('takes an indicator\'s context word from the sentence before in the same paragraph', () => {
    const text = '全市困难残疾人生活补贴标准为每人每月80元。全年共发放两项补贴资金3400万元。';
    expect(brief2(text)).toEqual([['disability_living_subsidy', 80, 'level', 'high'], ['disability_subsidy_funds', 34000000, 'level', 'high']]);
    // Not across a paragraph.
    expect(brief2('全市困难残疾人生活补贴标准为每人每月80元。\n全年共发放两项补贴资金3400万元。')).toEqual([['disability_living_subsidy', 80, 'level', 'high']]);
  });

  it.each([
    ['two standards joined by 和 share the only amount', '散居孤儿和事实无人抚养儿童基本生活费标准为每人每月1250元。', [['orphan_dispersed', 1250, 'level', 'high'], ['de_facto_orphan', 1250, 'level', 'high']]],
    ['two amounts are not shared', '散居孤儿和事实无人抚养儿童基本生活费标准分别为每人每月1250元、1100元。', [['orphan_dispersed', 1250, 'level', 'high'], ['de_facto_orphan', 1100, 'level', 'high']]],
  ])('%s', (_name, text, expected) => {
    expect(brief2(text)).toEqual(expected);
  });
});

describe('years of a from→to', () => {
  it('a from→to with no years runs over the years of the dated one before it in the sentence', () => {
    const figures = figuresOf('全市城市低保标准从2016年的每人每月460元提高到2021年的每人每月690元,农村低保标准从每人每年3100元提高到每人每年5040元。', '南阳市', '2024-03');
    expect(figures.map((f) => [f.indicator, f.normalized_value, f.as_of, f.previous?.year])).toEqual([
      ['dibao_urban', 690, 2021, 2016],
      ['dibao_rural', 420, 2021, 2016],
    ]);
  });

  it('a from→to alone keeps the report\'s year', () => {
    const figures = figuresOf('农村低保标准从每人每年3100元提高到每人每年5040元。', '南阳市', '2024-03');
    expect(figures.map((f) => [f.indicator, f.as_of, f.as_of_source])).toEqual([['dibao_rural', 2024, 'report']]);
  });
});

describe('a clause that is only a place and its amount', () => {
  const brief3 = (text: string, place: string) => figuresOf(text, place).filter((f) => f.confidence === 'high').map((f) => [f.indicator, f.place, f.sub_place, f.normalized_value]);
  it.each([
    ['a county after a county', '南召县重度残疾人护理补贴标准为每人每月90元,方城县为每人每月100元。', '南阳市', [['disability_care_subsidy', '南召县', true, 90], ['disability_care_subsidy', '方城县', true, 100]]],
    ['the lowest, named with 和 inside', '全市农村低保标准最高的榆次区达到每人每年6,000元,最低的和顺县为每人每年4,800元。', '晋中市', [['dibao_rural', '榆次区', true, 500], ['dibao_rural', '和顺县', true, 400]]],
  ])('takes the topic of the clause before, for that place: %s', (_name, text, place, expected) => {
    expect(brief3(text, place)).toEqual(expected);
  });

  it('gives nothing when its place is not one the gazetteer knows', () => {
    expect(brief3('全县城市低保标准为每人每月700元,经济开发区为每人每月720元。', '南召县')).toEqual([['dibao_urban', '南召县', false, 700]]);
  });
});

describe('a sentence that opens with 其中, and the year of a total over several years', () => {
  const brief4 = (text: string) => figuresOf(text).map((f) => [f.indicator, f.normalized_value, f.role, f.as_of]);
  it('makes the figures of an indicator given in the sentence before parts of it', () => {
    expect(brief4('全年筹集福彩公益金6.3亿元。其中,市级留存公益金2.2亿元。')).toEqual([
      ['lottery_welfare_fund', 630000000, 'level', 2024],
      ['lottery_welfare_fund', 220000000, 'subset', 2024],
    ]);
    expect(brief4('全年筹集福彩公益金6.3亿元。全市养老机构共有68家。')).toEqual([
      ['lottery_welfare_fund', 630000000, 'level', 2024],
      ['elderly_institutions', 68, 'level', 2024],
    ]);
  });

  it('dates a total over several years by the report, not by the year its span starts', () => {
    expect(brief4('自1991年发行以来,本市福利彩票累计销售突破300亿元。')).toEqual([['lottery_sales', 30000000000, 'cumulative', 2024]]);
  });

  it('reads 为高龄老人发放津贴 as the old-age allowance paid', () => {
    expect(brief4('全年全市共为15.2万名高龄老人发放津贴8600万元。')).toEqual([['elderly_allowance_funds', 86000000, 'level', 2024]]);
  });
});

describe('a list of places with 分别 and as many values', () => {
  const brief5 = (text: string, place = '南阳市') => confident(text, place).map((f) => [f.indicator, f.place, f.normalized_value]);
  it('gives each place its value, in order', () => {
    expect(brief5('南召县、方城县农村低保标准分别为每人每年5400元、5280元。')).toEqual([
      ['dibao_rural', '南召县', 450],
      ['dibao_rural', '方城县', 440],
    ]);
    expect(brief5('今年起,西峡县和内乡县的城市低保标准分别提高到每人每月690元、705元。')).toEqual([
      ['dibao_urban', '西峡县', 690],
      ['dibao_urban', '内乡县', 705],
    ]);
  });

  it('returns none of them when the places and values do not pair, or without 分别', () => {
    expect(brief5('南召县、方城县、西峡县农村低保标准分别为每人每年5400元、5280元。')).toEqual([]);
    expect(brief5('南召县、方城县农村低保标准为每人每年5400元、5280元。')).toEqual([]);
  });

  it('leaves the places of another report alone (not inside the report\'s place)', () => {
    expect(brief5('郑州市、开封市城市低保标准分别为每人每月800元、720元。').filter(([, place]) => place === '郑州市' || place === '开封市')).toEqual([]);
  });
});

describe('numbers that are not what a place has: shortfalls, participants, one institution, a campaign', () => {
  const brief6 = (text: string) => figuresOf(text).map((f) => [f.indicator, f.normalized_value, f.role, f.confidence]);
  it.each([
    ['a shortfall (缺口)', '全市养老床位缺口约1.2万张。', [['elderly_beds', 12000, 'gap', 'low']]],
    ['those that took part', '全市58家社会组织参加公益创投大赛。', [['social_organizations', 58, 'subset', 'low']]],
    ['one named institution\'s beds', '新登记成立福寿康养院,设置养老床位80张。', [['elderly_beds', 80, 'subset', 'low']]],
    ['what a campaign did since it began', '去年11月开展寒冬救助行动以来,共救助流浪乞讨人员230人次。', [['vagrant_assistance', 230, 'partial_period', 'low']]],
  ])('%s', (_name, text, expected) => {
    expect(brief6(text)).toEqual(expected);
  });

  it('keeps the place\'s own counts beside them', () => {
    expect(brief6('全市依法登记的社会组织达2100多个。')).toEqual([['social_organizations', 2100, 'level', 'high']]);
    expect(brief6('全市共有养老机构40家,床位6200张。')).toEqual([
      ['elderly_institutions', 40, 'level', 'high'],
      ['elderly_beds', 6200, 'level', 'high'],
    ]);
  });
});

describe('generic relief money in a sentence about one kind of relief', () => {
  const brief7 = (text: string) => confident(text).map((f) => [f.indicator, f.normalized_value]);
  it('is that kind\'s money', () => {
    expect(brief7('全年实施临时救助6200人次,支出专项救助资金980万元。')).toContainEqual(['temporary_assistance_funds', 9800000]);
  });
  it('is no indicator\'s when that kind is one the catalogue does not count', () => {
    expect(brief7('全年为1320名城乡医疗救助对象发放救助资金618万元。')).toEqual([]);
    expect(brief7('今年共为受灾群众发放救助资金85万元。')).toEqual([]);
  });
  it('stays the generic total when the sentence names two kinds', () => {
    expect(brief7('全年保障低保对象3.1万人,实施临时救助6200人次,共支出救助资金2.3亿元。')).toContainEqual(['assistance_funds', 230000000]);
  });
  it('is the money of the people the clause before counts, when its own clause names no benefit', () => {
    expect(brief7('全市特困供养人员4120人,累计发放生活、护理补贴资金3260.5万元。')).toEqual([['tekun_funds', 32605000]]);
    expect(brief7('全市把2.1万名贫困户纳入低保范围,发放资金1.2亿元。')).toEqual([]);
  });

  it('reads 销量 as lottery sales', () => {
    expect(brief7('全年全市福利彩票总销量为3.6亿元。')).toEqual([['lottery_sales', 360000000]]);
  });
});

describe('re-issues, reserves, campaigns and national systems', () => {
  const brief10 = (text: string, place = '南阳市') => confident(text, place).map((f) => [f.indicator, f.normalized_value]);
  it('does not count re-issued registrations (补办) as marriages, nor let them unsettle the count', () => {
    expect(brief10('2023年,全市共办理结婚登记21300对,补办结婚登记9800对。')).toEqual([['marriage_registrations', 21300]]);
  });

  it('reads a reserve only from the figure\'s own clause', () => {
    expect(brief10('向乡镇拨付临时救助备用金,全年共实施临时救助820人次,发放救助金96.4万元。')).toEqual([
      ['temporary_assistance_cases', 820],
      ['temporary_assistance_funds', 964000],
    ]);
    expect(brief10('下拨临时救助备用金120万元。')).toEqual([]);
  });

  it('reads a flow after a named campaign or since winter began as a part of the year', () => {
    expect(brief10('2023年“慈善一日捐”活动,得到社会各界支持,共募集善款356120.5元。')).toEqual([]);
    expect(brief10('入冬以来,全市开展专项救助行动,救助流浪乞讨人员1210人次。')).toEqual([]);
  });

  it('does not take a national system for the country', () => {
    expect(brief10('截至目前,全市在全国志愿服务信息系统注册志愿者达31.2万人。')).toEqual([['volunteers', 312000]]);
  });

  it('reads 月最低生活保障标准 as per month and 低保N户M人 as people', () => {
    expect(brief10('月最低生活保障标准提高至980元。')).toEqual([['dibao_unified', 980]]);
    expect(brief10('截至年底,全市在册低保1530户2210人。')).toEqual([['dibao_recipients', 2210]]);
  });
});

describe('subsidies counted by their recipients, one quarter, one day and organisers', () => {
  const brief11 = (text: string) => confident(text).map((f) => [f.indicator, f.normalized_value]);
  it('counts the people a subsidy is paid to, after the subsidy\'s name', () => {
    expect(brief11('全市享受困难残疾人生活补贴人员4120人。')).toEqual([['disability_living_recipients', 4120]]);
    expect(brief11('截至6月底,全市发放重度残疾人护理补贴8210人、420万多元。')).toContainEqual(['disability_care_recipients', 8210]);
  });

  it('reads one quarter\'s money, a count up to an hour of one day, and organisations running events as parts', () => {
    expect(brief11('我区发放今年第二季度困难残疾人生活补贴共1862350元。')).toEqual([]);
    expect(brief11('截至2023年5月20日16时,全市共办理结婚登记1320对。')).toEqual([]);
    expect(brief11('全年全市86个社会组织共组织开展志愿服务活动900余次。')).toEqual([]);
    expect(brief11('前三季度,全市发放临时救助资金260万元。')).toEqual([['temporary_assistance_funds', 2600000]]);
  });
});

describe('a flow summed up to a date with no start said', () => {
  const brief8 = (text: string) => figuresOf(text).map((f) => [f.indicator, f.normalized_value, f.role]);
  it('is a total of unknown span, not a year\'s', () => {
    expect(brief8('截至2023年底,本市共销售福利彩票96.4亿元。')).toEqual([['lottery_sales', 9640000000, 'cumulative']]);
  });
  it('is a level when the text says the year it runs over', () => {
    expect(brief8('截至2023年底,本市全年共销售福利彩票9.4亿元。')).toEqual([['lottery_sales', 940000000, 'level']]);
    expect(brief8('截至12月底,今年累计发放低保金3200万元。')).toEqual([['dibao_funds', 32000000, 'level']]);
  });
  it('leaves stocks alone', () => {
    expect(brief8('截至2023年底,全市共有养老机构40家。')).toEqual([['elderly_institutions', 40, 'level']]);
  });
});

describe('more ways real pages write standards, people and money', () => {
  const brief9 = (text: string, place = '南阳市') => confident(text, place).map((f) => [f.indicator, f.normalized_value]);
  it.each([
    ['元/人、月', '城市低保标准调高至450元/人、月。', [['dibao_urban', 450]]],
    ['城乡特困 with one amount said to be shared', '全市城乡特困人员基本生活标准统一提高到910元/人/月。', [['tekun_urban', 910], ['tekun_rural', 910]]],
    ['孤儿散居', '孤儿散居供养标准达到1050元/人月。', [['orphan_dispersed', 1050]]],
    ['农牧区 is rural', '农牧区居民最低生活保障标准提高到每人每月510元。', [['dibao_rural', 510]]],
    ['长寿优待金 is the old-age allowance', '全年为8100名高龄老年人发放长寿优待金420.5万元。', [['elderly_allowance_funds', 4205000]]],
    ['城乡低保共保障N人', '全市城乡低保共保障6.2万人。', [['dibao_recipients', 62000]]],
    ['临时救助 of people is its count', '全年累计临时救助困难群众1.8万人次。', [['temporary_assistance_cases', 18000]]],
    ['农村牧区 is rural', '农村牧区最低生活保障平均标准达到每人每年6600元。', [['dibao_rural', 550]]],
    ['农村牧区 特困 is rural', '农村牧区特困人员基本生活标准达到每人每年10800元。', [['tekun_rural', 900]]],
    ['a community care centre under its provincial name', '全市共建成410所居家社区养老服务照料中心。', [['day_care_centers', 410]]],
    ['人均月 is per month', '全市人均月低保标准880元(按各县计算)。', [['dibao_unified', 880]]],
    ['幸福食堂 is a meal point', '全县建成幸福食堂76处。', [['meal_points', 76]]],
    ['长者饭堂 is a meal point', '全区共有长者饭堂42个。', [['meal_points', 42]]],
  ])('%s', (_name, text, expected) => {
    expect(brief9(text)).toEqual(expected);
  });

  it('leaves 城乡特困 with one amount and no 统一 unread, sports lottery out, and one batch of money marked', () => {
    expect(brief9('全市城乡特困人员基本生活标准提高到910元/人/月。')).toEqual([]);
    expect(brief9('全市体育彩票累计销售9.2亿元。')).toEqual([]);
    expect(brief9('这次共给困难群众发放临时救助金86.5万元。')).toEqual([]);
  });
});

describe('months, lotteries and 分别 with one amount read', () => {
  const roles = (text: string, place = '南阳市') => figuresOf(text, place).map((f) => [f.indicator, f.normalized_value, f.role]);
  it('reads 1-9月份 as the year so far, 9月份 as one month, and the 其中 part of one month as one month', () => {
    expect(roles('2023年1-9月份,全市福利彩票累计销售6.4亿元。')).toEqual([['lottery_sales', 640000000, 'level']]);
    expect(roles('全市9月份销售福利彩票0.8亿元。')).toEqual([['lottery_sales', 80000000, 'partial_period']]);
  });

  it('reads a month heading its clause as one month of a flow, but not 截至 that month nor a stock', () => {
    expect(roles('2024年9月,发放低保资金5210.3万元。')).toEqual([['dibao_funds', 52103000, 'partial_period']]);
    expect(roles('截至2024年9月,累计发放低保资金5210.3万元。')).toEqual([['dibao_funds', 52103000, 'level']]);
    expect(roles('2024年9月,全市有低保对象8.1万人。')).toEqual([['dibao_recipients', 81000, 'level']]);
  });

  it('does not count the sales of all lotteries (彩票 beside 体育彩票) as the welfare lottery\'s', () => {
    expect(roles('1-9月份,全市累计销售彩票9.7亿元,其中,福利彩票累计销售6.4亿元;体育彩票累计销售3.3亿元。')).toEqual([['lottery_sales', 640000000, 'level']]);
  });

  it('makes a total from a named year to now a total over several years', () => {
    expect(roles('从2012年开始至今,全县已为2.1万名老年人发放长寿优待金共计980万元。', '南召县')[0]?.[2]).toBe('cumulative');
  });

  it('does not read one amount after 城乡低保…分别 as the unified standard', () => {
    expect(roles('城乡低保标准分别提至520/月和300元/月').filter(([indicator]) => indicator === 'dibao_unified')).toEqual([]);
  });
});

describe('a part of the place\'s cremation rate, and money paid before a festival', () => {
  const roles2 = (text: string) => figuresOf(text).filter((f) => f.confidence === 'high').map((f) => [f.indicator, f.normalized_value]);
  it('keeps the whole place\'s cremation rate beside the cremation zone\'s', () => {
    expect(roles2('火葬区火化率实现100%。全市遗体火化率达71%。')).toEqual([['cremation_rate', 71]]);
  });
  it('does not count money paid before a festival as the year\'s, but counts a year paid early', () => {
    expect(roles2('节前将低保金、特困人员供养金提前发放到位,支出救助资金860万元。')).toEqual([]);
    expect(roles2('全区提前发放2024年度高龄老人津贴560余万元。')).toEqual([['elderly_allowance_funds', 5600000]]);
  });
});

describe('found in review: rules that must not fire wider than they say', () => {
  const full = (text: string) => figuresOf(text).filter((f) => f.confidence === 'high').map((f) => [f.indicator, f.normalized_value, f.as_of]);
  it.each([
    ['a care standard of 特困 people is not their basic standard', '城乡特困人员照料护理标准统一提高到每人每月300元。', [['tekun_care', 300, 2024]]],
    ['a funeral allowance is neither', '城乡特困人员丧葬补助标准统一为每人2000元。', []],
    ['年内 after a year is that year', '2023年内全市累计发放低保资金1.2亿元。', [['dibao_funds', 120000000, 2023]]],
    ['a heading naming a span gives no year', '一、2019年以来主要工作成效\n全市城市低保标准提高到每人每月700元。', [['dibao_urban', 700, 2024]]],
    ['当年 is not a comparison\'s base', '2023年全市低保对象12000人,比2020年减少500人。当年全市共发放低保资金1.2亿元。', [['dibao_recipients', 12000, 2023], ['dibao_funds', 120000000, 2023]]],
    ['money of a festival visit is not the kind\'s money, and those visited are not its people', '元旦春节期间,走访全市低保对象12000人,共发放补助资金240万元。', []],
    ['money for people newly brought in is not the kind\'s', '全年新纳入低保对象1200人,发放资金300万元。', []],
    ['农村居民低保覆盖 is not the urban-and-rural count', '全市农村居民最低生活保障覆盖12000人。', []],
    ['农牧区 standard is rural, not unified', '全市农牧区低保标准为每人每年6000元。', [['dibao_rural', 500, 2024]]],
    ['a year heading a sentence of history is not the next one\'s', '2019年,我市被确定为全国居家和社区养老服务改革试点城市。全市共有养老床位1.2万张。', [['elderly_beds', 12000, 2024]]],
  ])('%s', (_name, text, expected) => {
    expect(full(text)).toEqual(expected);
  });
});

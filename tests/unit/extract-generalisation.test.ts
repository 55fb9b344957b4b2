import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/corpus/clean.js';
import { splitPassages } from '../../src/corpus/passages.js';
import type { Report } from '../../src/corpus/types.js';
import { extractFigures } from '../../src/indicators/extract.js';
import type { Figure } from '../../src/indicators/types.js';
import { loadPlaces } from '../../src/places/places.js';

/**
 * Rules stated over the language and the page, each in sentences written for this test (other
 * places and numbers than the pages that showed the need): a report's own disagreements, tiers,
 * areas that share one value, subjects left open, recipients named by their benefit, and
 * statistics tables in columns of years.
 */
const places = loadPlaces();

function figuresOf(raw: string, place = '信阳市', published = '2023-06'): Figure[] {
  const text = cleanReportText(raw);
  const place_code = places.gazetteer.named(place)[0]?.code ?? '';
  const report: Report = {
    meta: { doc_id: 't', place, place_code, published, title: '', place_id: '', province: '河南省', level: 'city', source: '', period: '', original: '' },
    text,
    file: 't.md',
  };
  return extractFigures(report, splitPassages('t', text), places);
}

const confident = (raw: string, place?: string) => figuresOf(raw, place).filter((f) => f.confidence === 'high');
const brief = (figures: Figure[]) => figures.map((f) => [f.indicator, f.place, f.normalized_value, f.as_of]);

describe('a report that disagrees with itself', () => {
  it('demotes every value of one place, indicator and year when they differ', () => {
    const raw = '城市低保标准为每人每月780元。\n\n县城城市低保标准为每人每月700元。';
    expect(confident(raw)).toEqual([]);
    expect(figuresOf(raw).map((f) => f.evidence)).toEqual([expect.stringContaining('不同数值'), expect.stringContaining('不同数值')]);
  });

  it('keeps the value a from→to says replaced the other', () => {
    const raw = '上半年城市低保标准达到每人每月700元。\n\n下半年城市低保标准由每人每月700元提高到760元。';
    expect(brief(confident(raw))).toEqual([['dibao_urban', '信阳市', 760, 2023]]);
  });

  it('demotes the figure whose year is only carried from the sentence before, when those that write the year agree', () => {
    const raw = '2021年全市婚姻登记工作平稳。全年办理结婚登记5200对。\n\n2021年全市办理结婚登记6100对。\n\n2021年结婚登记6100对,离婚登记1800对。';
    expect(brief(confident(raw))).toEqual([
      ['marriage_registrations', '信阳市', 6100, 2021],
      ['marriage_registrations', '信阳市', 6100, 2021],
    ]);
    const carried = figuresOf(raw).find((f) => f.normalized_value === 5200)!;
    expect([carried.as_of_source, carried.confidence, carried.evidence]).toEqual(['context', 'low', expect.stringContaining('年份取自上文')]);
  });

  it('still demotes all when the sentences that write the year disagree among themselves', () => {
    const raw = '2021年全市婚姻登记工作平稳。全年办理结婚登记5200对。\n\n2021年全市办理结婚登记6100对。\n\n2021年全市办理结婚登记5900对。';
    expect(confident(raw)).toEqual([]);
  });

  it('keeps one figure stated twice, hedged once', () => {
    const raw = '全市养老床位约3.1万张。\n\n目前全市共有养老床位31200张。';
    expect(confident(raw)).toHaveLength(2);
  });
});

describe('parts of a place or of a standard', () => {
  it.each([
    ['a tier of areas', '一类地区城市低保标准为每人每月820元。'],
    ['a band', '第二档农村低保标准为每人每年6000元。'],
    ['community beds', '全市社区养老床位4100张。'],
    ['privately run homes', '全县共有民办养老机构6个。'],
    ['a one-off payment', '向困难残疾人发放一次性生活补贴资金150万元。'],
    ['the standard of people cared for in institutions', '农村特困人员集中供养标准调整为每人每月1420元。'],
    ['the standard of people cared for at home', '城市特困人员分散供养标准为每人每年15600元。'],
    ['the standard of the priority group', '城市低保重点保障对象保障标准提高到每人每月980元。'],
  ])('%s is no confident level', (_kind, raw) => {
    expect(confident(raw)).toEqual([]);
  });

  it('reads areas that share one value as the whole place', () => {
    expect(brief(confident('城市低保标准市区、各县城乡统一执行每人每月810元。'))).toEqual([['dibao_urban', '信阳市', 810, 2023]]);
    expect(confident('市区城市低保标准为每人每月810元。')[0]?.place).toBe('信阳市市区');
    expect(brief(confident('调整后八县(市、区)农村低保标准均为每人每年5400元。'))).toEqual([['dibao_rural', '信阳市', 450, 2023]]);
    expect(brief(confident('农村特困人员集中和分散供养标准统一为每人每月960元。'))).toEqual([['tekun_rural', '信阳市', 960, 2023]]);
    expect(brief(confident('分散供养孤儿基本生活费提高到每人每月1300元。'))).toEqual([['orphan_dispersed', '信阳市', 1300, 2023]]);
  });

  it.each([
    ['each district', '全市各区城市低保标准由每人每月600元提高到640元。', '信阳市各区'],
    ['each county, city and district', '各县(市、区)农村低保标准提高到每人每年5000元。', '信阳市各县(市、区)'],
    ['the counties apart from the city proper', '县市城市低保标准提高到每人每月560元。', '信阳市县市'],
    ['the districts under it', '所辖县区农村特困人员供养标准为每人每月900元。', '信阳市各县区'],
  ])('reads %s as parts, not the whole place', (_kind, raw, part) => {
    expect(figuresOf(raw).map((f) => [f.place, f.sub_place])).toEqual([[part, true]]);
  });

  it('carries a part heading a sentence to the clauses after it that name no place', () => {
    const raw = '自今年7月起,县市(含某某区)城市低保标准由每人每月520元提高到560元,补助水平由300元提高到320元;农村低保标准由每人每年4000元提高到4300元。';
    expect(figuresOf(raw).filter((f) => f.role === 'level').map((f) => [f.indicator, f.place])).toEqual([
      ['dibao_urban', '信阳市县市'],
      ['dibao_rural', '信阳市县市'],
    ]);
    const whole = '市区城市低保标准提高到每人每月700元,全市农村低保标准提高到每人每年5200元。';
    expect(figuresOf(whole).map((f) => [f.indicator, f.sub_place])).toEqual([
      ['dibao_urban', true],
      ['dibao_rural', false],
    ]);
  });

  it('does not take a dateline for a scope', () => {
    const raw = '本报郑州3月2日讯 我省再次提高农村低保标准,由每人每年3100元提高到3200元。';
    expect(figuresOf(raw, '河南省').map((f) => [f.place, f.sub_place])).toEqual([['河南省', false]]);
  });
});

describe('parts of a city\'s area', () => {
  it.each([
    ['every county but two', '各县市(三沙、五指山除外)城市低保标准提高至700元/月。'],
    ['every part but the city proper', '除城区外,各乡镇农村低保标准提高到每人每年5400元。'],
    ['the outer ring', '远城区城镇低保标准由每人每月310元提高至390元。'],
    ['the centre set apart from the ring', '主城区低保标准提高至每人每月470元、新城区提高至每人每月400元。'],
  ])('%s is no confident level', (_kind, raw) => {
    expect(confident(raw)).toEqual([]);
  });

  it('does not take a place named as left out for the figure\'s place', () => {
    expect(figuresOf('各市县(三沙、五指山除外)城市低保标准提高至700元/月。', '海南省').map((f) => f.place)).toEqual(['海南省']);
  });
});

describe('one amount after several groups', () => {
  it('is each listed group\'s when paid per person', () => {
    expect(brief(confident('散居孤儿、事实无人抚养儿童每人每月1350元。')).map(([id, , value]) => [id, value])).toEqual([
      ['orphan_dispersed', 1350],
      ['de_facto_orphan', 1350],
    ]);
  });

  it('is neither\'s after 城市和农村 when it is no standard and not said to be shared', () => {
    expect(confident('城市和农村低保对象每人每月补助280元。')).toEqual([]);
  });
});

describe('subjects', () => {
  it('knows the official names of orphans\' care', () => {
    expect(brief(confident('机构养育孤儿基本生活费提高到每人每月1900元。'))).toEqual([['orphan_centralized', '信阳市', 1900, 2023]]);
    expect(brief(confident('社会散居孤儿基本生活费提高到每人每月1400元。'))).toEqual([['orphan_dispersed', '信阳市', 1400, 2023]]);
  });

  it('leaves a standard whose subject the clause before names twice', () => {
    expect(confident('全县城市特困人员20人,农村特困人员600人,供养标准为每人每月990元。').filter((f) => f.indicator.startsWith('tekun'))).toEqual([]);
  });

  it('keeps a total whose bracket the list cuts open', () => {
    const found = confident('全市共有城乡低保对象51234人(其中农村低保对象40000人、城市低保对象11234人)。');
    expect(brief(found)).toEqual([['dibao_recipients', '信阳市', 51234, 2023]]);
  });

  it('reads people counted by the benefit they receive', () => {
    expect(brief(confident('全县共有1500户2801人享受城乡低保。'))).toEqual([['dibao_recipients', '信阳市', 2801, 2023]]);
    expect(confident('全县共有900人享受农村低保。')).toEqual([]);
    expect(brief(confident('全区有残疾人护理补贴对象5120人。'))).toEqual([['disability_care_recipients', '信阳市', 5120, 2023]]);
  });

  it('counts the head of the noun after a counter, not a noun that only modifies it', () => {
    expect(confident('全省共建成86家社会组织党群服务示范点。')).toEqual([]);
    expect(confident('年内完成42个养老机构消防改造工作。')).toEqual([]);
    expect(brief(confident('全市登记1200家社会组织。'))).toEqual([['social_organizations', '信阳市', 1200, 2023]]);
    expect(brief(confident('全市共有96家养老机构,床位8000张。'))).toEqual([['elderly_institutions', '信阳市', 96, 2023], ['elderly_beds', '信阳市', 8000, 2023]]);
  });

  it('keeps a count whose counted noun is followed by a light noun or a verb', () => {
    expect(brief(confident('全市已完成800户适老化改造任务。'))).toEqual([['home_adaptation', '信阳市', 800, 2023]]);
    expect(brief(confident('全市1800个村(社区)党组织书记全部实现“一肩挑”。'))).toEqual([['communities', '信阳市', 1800, 2023]]);
  });

  it('gives a later item of a list of counts that names a thing of its own no subject from the items before', () => {
    const found = figuresOf('全市共有养老机构88家、居家养老服务驿站(家园)40个、社区助老站210个、农村幸福院900个。');
    expect(brief(found.filter((f) => f.confidence === 'high'))).toEqual([
      ['elderly_institutions', '信阳市', 88, 2023],
      ['rural_happiness_homes', '信阳市', 900, 2023],
    ]);
    // Amounts in a list are tiers of one standard: none is the place's level.
    expect(confident('孤儿基本生活费补助标准为东部地区每人每月150元、中部地区250元、西部地区350元。')).toEqual([]);
  });

  it('does not give a counted noun to the topic of the clause before', () => {
    expect(confident('市社会福利院是全市唯一的公办养老机构,将于下月开工扩建,从现有200个床位扩至800个床位。').filter((f) => f.indicator === 'elderly_institutions')).toEqual([]);
    // A conjunction after an amount is no noun: both amounts keep the topic before them.
    const both = figuresOf('五保供养标准也提高了,集中供养和分散供养标准,分别由每人每年不低于3600元、2600元,提高到每人每年不低于3900元和2900元。');
    expect(both.filter((f) => f.confidence === 'high')).toEqual([]);
  });

  it('files money for 低保 and for 特困 under their own indicators, and both together under assistance funds', () => {
    expect(brief(confident('全年发放城乡低保资金2.5亿元。'))).toEqual([['dibao_funds', '信阳市', 250000000, 2023]]);
    expect(brief(confident('全年发放特困人员救助供养金6400万元。'))).toEqual([['tekun_funds', '信阳市', 64000000, 2023]]);
    expect(brief(confident('城市低保金支出1.1亿元。'))).toEqual([]);
  });
});

describe('standards named by a qualifier and a shared head', () => {
  it.each([
    ['the head first, then qualified items', '低保标准城市每人每月730元、农村每人每年5600元。', [['dibao_urban', 730], ['dibao_rural', 466.67]]],
    ['two qualifiers sharing one head with 分别', '全县城镇、农村低保标准分别达到每月610元和455元。', [['dibao_urban', 610], ['dibao_rural', 455]]],
    ['an elliptical second clause', '城市特困人员基本生活标准为每人每月1010元,农村为每人每年7900元。', [['tekun_urban', 1010], ['tekun_rural', 658.33]]],
    ['the older name of rural care', '农村五保供养标准提高到每人每年4200元。', [['tekun_rural', 350]]],
  ])('%s', (_kind, raw, expected) => {
    expect(confident(raw).map((f) => [f.indicator, f.normalized_value])).toEqual(expected);
  });

  it('reads one amount for town and country as the unified standard', () => {
    expect(brief(confident('本市城乡低保标准统一调整为每人每月690元。'))).toEqual([['dibao_unified', '信阳市', 690, 2023]]);
    expect(brief(confident('城市和农村低保标准提高到每人每月655元。'))).toEqual([['dibao_unified', '信阳市', 655, 2023]]);
    expect(brief(confident('城乡低保对象2.4万人,特困人员救助供养标准提高到每人每月910元。'))).toEqual([['dibao_recipients', '信阳市', 24000, 2023]]);
  });

  it('reads a label and its figure across a colon', () => {
    expect(brief(confident('养老设施情况:\n农村幸福院:2,140个\n老年助餐点:318个'))).toEqual([
      ['rural_happiness_homes', '信阳市', 2140, 2023],
      ['meal_points', '信阳市', 318, 2023],
    ]);
  });

  it('takes the head of qualifier-only lines from the heading above them', () => {
    expect(brief(confident('三、城乡低保标准\n1.城市:每人每月805元\n2.农村:每人每年6420元'))).toEqual([
      ['dibao_urban', '信阳市', 805, 2023],
      ['dibao_rural', '信阳市', 535, 2023],
    ]);
    expect(confident('三、工作成效\n1.城市:每人每月805元')).toEqual([]);
  });

  it('reads a table stacked one cell per line, and a two-column table whose header names the unit', () => {
    const stacked = '指标名称\n计量单位\n本期数\n农村最低生活保障平均标准\n元/人·年\n6,240.0\n养老机构床位\n张\n8,815';
    expect(brief(confident(stacked))).toEqual([
      ['dibao_rural', '信阳市', 520, 2023],
      ['elderly_beds', '信阳市', 8815, 2023],
    ]);
    const columns = '项目 | 标准（元/人·月）\n集中养育孤儿 | 1,950\n事实无人抚养儿童 | 1,420';
    expect(brief(confident(columns))).toEqual([
      ['orphan_centralized', '信阳市', 1950, 2023],
      ['de_facto_orphan', '信阳市', 1420, 2023],
    ]);
  });

  it('reads what a clause keeps on from the one before: 统一…, 救助N人次, …不变', () => {
    expect(brief(confident('城乡低保实现并轨,统一调整为每人每月700元。'))).toEqual([]);
    expect(brief(confident('城乡低保标准实现并轨,统一调整为每人每月700元。'))).toEqual([['dibao_unified', '信阳市', 700, 2023]]);
    expect(brief(confident('发放临时救助资金960万元,救助4,210人次。'))).toEqual([
      ['temporary_assistance_funds', '信阳市', 9600000, 2023],
      ['temporary_assistance_cases', '信阳市', 4210, 2023],
    ]);
    expect(brief(confident('重度残疾人护理补贴标准维持每人每月90元不变。'))).toEqual([['disability_care_subsidy', '信阳市', 90, 2023]]);
    expect(brief(confident('全市持证社会工作者达到2300余人。'))).toEqual([['social_workers', '信阳市', 2300, 2023]]);
    expect(figuresOf('全省注册志愿者超过610余万人。')[0]).toMatchObject({ normalized_value: 6100000, qualifier: 'about_or_more' });
  });

  it('marks figures of other places, and the clauses that carry them on', () => {
    const figures = figuresOf('全省城市低保平均标准为每人每月690元,农村为每人每年5400元;我市城市低保标准为每人每月720元。');
    expect(figures.map((f) => [f.indicator, f.role, f.place])).toEqual([
      ['dibao_urban', 'other_place', '河南省'],
      ['dibao_rural', 'other_place', '河南省'],
      ['dibao_urban', 'level', '信阳市'],
    ]);
  });

  it('reads orphans\' groups as qualifiers of one head, and label/value lines under 项目/数值', () => {
    expect(brief(confident('全市孤儿基本生活保障标准为集中养育每人每月2050元、社会散居每人每月1510元。'))).toEqual([
      ['orphan_centralized', '信阳市', 2050, 2023],
      ['orphan_dispersed', '信阳市', 1510, 2023],
    ]);
    expect(brief(confident('附表\n项目\n数值\n城乡低保标准（元/人·月）\n985\n低保对象（人）\n23120'))).toEqual([
      ['dibao_unified', '信阳市', 985, 2023],
      ['dibao_recipients', '信阳市', 23120, 2023],
    ]);
    // A value column named 标准 says what each row is: 城乡低保 under it is the unified standard.
    expect(brief(confident('保障标准一览\n项目\n标准\n城乡低保\n1035元/人·月\n农村特困人员基本生活\n1345元/人·月'))).toEqual([
      ['dibao_unified', '信阳市', 1035, 2023],
      ['tekun_rural', '信阳市', 1345, 2023],
    ]);
    expect(brief(confident('全年全市城乡低保支出3.4亿元。'))).toEqual([['dibao_funds', '信阳市', 340000000, 2023]]);
    expect(brief(confident('全年募集慈善款物折合人民币1.2亿元。'))).toEqual([['charity_donations', '信阳市', 120000000, 2023]]);
    expect(brief(confident('对考入大学的孤儿每人每年给予助学补助4000元。'))).toEqual([]);
  });

  it('reads the money a total is made of after 其中 as its parts', () => {
    const figures = figuresOf('全市共支出困难群众救助资金5.2亿元,其中低保资金3.1亿元、特困供养资金1.2亿元。');
    expect(figures.map((f) => [f.indicator, f.role])).toEqual([
      ['assistance_funds', 'level'],
      ['dibao_funds', 'subset'],
      ['tekun_funds', 'subset'],
    ]);
  });

  it('reads what stands under a heading of plans as plans', () => {
    expect(confident('三、明年工作打算\n全市计划培训养老护理员1200人次。\n新增社区日间照料中心15个。')).toEqual([]);
    expect(confident('四、下一步工作思路\n继续做好养老服务,全市养老机构达到60家。')).toEqual([]);
  });

  it('counts marriages, not marriages and divorces together', () => {
    expect(brief(confident('全年办理婚姻登记2.4万对,其中结婚登记1.9万对、离婚登记0.5万对。'))).toEqual([['marriage_registrations', '信阳市', 19000, 2023]]);
    expect(brief(confident('全年共有16850对新人办理结婚登记。'))).toEqual([['marriage_registrations', '信阳市', 16850, 2023]]);
    expect(brief(confident('1月1日至12月31日,共办理结婚登记17020对。'))).toEqual([['marriage_registrations', '信阳市', 17020, 2023]]);
  });

  it('gives an amount 均 (both) subjects share to each of them', () => {
    expect(brief(confident('孤儿集中养育标准为每人每月2100元,散居孤儿和事实无人抚养儿童基本生活费均为每人每月1600元。'))).toEqual([
      ['orphan_centralized', '信阳市', 2100, 2023],
      ['orphan_dispersed', '信阳市', 1600, 2023],
      ['de_facto_orphan', '信阳市', 1600, 2023],
    ]);
  });

  it.each([
    ['a qualifier without a standard before it', '城乡居民基础养老金城市每人每月160元。'],
    ['an average payment', '城乡低保对象月人均低保金330元。'],
  ])('%s gives no confident standard', (_kind, raw) => {
    expect(confident(raw)).toEqual([]);
  });
});

describe('how numbers and periods are written', () => {
  it.each([
    ['月均 as a monthly cue', '城市低保月均标准710元。', [['dibao_urban', 710]]],
    ['a yearly restatement in brackets', '城市低保标准为每人每月640元（年7680元）。', [['dibao_urban', 640]]],
    ['thousands that no list reads', '农村低保标准达到每人每年6,360元。', [['dibao_rural', 530]]],
    ['several groups', '全市登记社会组织达到1,012,345个。', [['social_organizations', 1012345]]],
    ['a comma list, not thousands', '城乡低保标准分别为每人每月770,585元。', []],
  ])('%s', (_kind, raw, expected) => {
    expect(confident(raw).map((f) => [f.indicator, f.normalized_value])).toEqual(expected);
  });
});

describe('periods and events', () => {
  it('reads a period\'s count of events as its level, a period\'s new things not', () => {
    expect(confident('全年办理结婚登记11800对。').map((f) => [f.indicator, f.normalized_value])).toEqual([['marriage_registrations', 11800]]);
    expect(confident('全年登记社会组织85家。')).toEqual([]);
  });

  it('files money for 低保 and 特困 together under assistance funds', () => {
    expect(confident('全年发放城乡低保和特困人员救助供养金4.8亿元。').map((f) => [f.indicator, f.normalized_value])).toEqual([['assistance_funds', 480000000]]);
  });
});

describe('statistics tables in columns of years', () => {
  const table = ['单位:对', '          2021年 2022年            2021年 2022年', '办理结婚登记对数 8800 8100  每千人结婚对数 6.1 5.7', '  本地居民结婚登记对数 8750 8060  平均每天结婚对数 24.1 22.2', '  涉外结婚登记对数 50 40'].join('\n');

  it('keeps the header on its own line when cleaning', () => {
    expect(cleanReportText(table).split('\n')[1]).toBe('2021年 2022年            2021年 2022年');
  });

  it('reads one figure per year column, dated by its column; parts that sum to a row are not levels', () => {
    expect(brief(confident(table))).toEqual([
      ['marriage_registrations', '信阳市', 8800, 2021],
      ['marriage_registrations', '信阳市', 8100, 2022],
    ]);
    for (const figure of figuresOf(table)) expect(cleanReportText(table).slice(figure.citation.start, figure.citation.end)).toBe(figure.citation.quote);
  });

  it('reads nothing without a stated unit', () => {
    expect(figuresOf(table.replace('单位:对\n', ''))).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import type { Figure } from '../../src/indicators/types.js';
import { confidentLevels, figuresOfText } from './text-figures.js';

/**
 * Rules stated over the language after set 5 of real pages (held back for a session, then
 * developed on): years written onto old values, named parts after 其中, standards' funded parts,
 * care standards, inclusion notes, clauses that carry on the topic of the clause before, and a
 * lead that says which year follows. Sentences in our own words and numbers.
 */
const levels = (text: string, place = '平凉市', published = '2016-05-20') => confidentLevels(text, place, published);

const all = (text: string, place = '平凉市', published = '2016-05-20') =>
  figuresOfText(text, place, published, 'product').map((f: Figure) => [f.indicator, f.place, f.normalized_value, f.as_of, f.role]);

describe('a year written onto an old value', () => {
  it('dates that value only, not the figures after it in the sentence', () => {
    expect(levels('全市城市低保标准由上年每人每月420元提高到460元，农村低保标准每人每年达到3300元。')).toEqual([
      ['dibao_urban', '平凉市', 460, 2016],
      ['dibao_rural', '平凉市', 275, 2016],
    ]);
  });

  it('still dates the value it is written onto', () => {
    const [figure] = figuresOfText('全市城市低保标准由2015年的每人每月420元提高到460元。', '平凉市', '2016-05-20', 'product');
    expect(figure?.previous).toMatchObject({ value: 420, year: 2015 });
  });
});

describe('a named part of the place after 其中', () => {
  it('has a level of its own (a sub-place), while an unnamed part stays a part', () => {
    expect(levels('全市农村五保供养标准每人每年达到3600元，其中崆峒区五保供养标准每人每年达到4200元。')).toEqual([
      ['tekun_rural', '平凉市', 300, 2016],
      ['tekun_rural', '崆峒区', 350, 2016],
    ]);
    expect(levels('全市共有养老机构40家，其中公办养老机构25家。')).toEqual([['elderly_institutions', '平凉市', 40, 2016]]);
  });
});

describe('the part of a standard one tier of government pays', () => {
  it('is not the standard', () => {
    expect(all('全市城市特困人员基本生活财政补助标准由年人均不低于9600元调至10800元。')).toEqual([['tekun_urban', '平凉市', 900, 2016, 'subset']]);
    expect(levels('全省农村五保供养省级补助标准提高到每人每年1600元。', '甘肃省')).toEqual([]);
  });

  it('leaves a standard that only mentions 补助 alone', () => {
    expect(levels('全市孤儿基本生活补助标准提高到每人每月1100元。')).toEqual([['orphan_basic', '平凉市', 1100, 2016]]);
  });
});

describe('a care standard under 特困', () => {
  it('is the care indicator, never the basic-living standard', () => {
    const text = '城乡特困人员按自理能力分三档领取护理费，护理标准分别提高到年人均不低于1200元、2400元、3600元。';
    expect(levels(text)).toEqual([]);
    expect(all(text).every(([indicator]) => indicator === 'tekun_care')).toBe(true);
  });
});

describe('a bracket that says what is included', () => {
  it('does not name the subject', () => {
    expect(levels('全市孤儿（含事实无人抚养儿童）集中、分散供养标准分别达到每人每月1600元、1200元。')).toEqual([
      ['orphan_centralized', '平凉市', 1600, 2016],
      ['orphan_dispersed', '平凉市', 1200, 2016],
    ]);
  });
});

describe('a clause that carries on the topic of the clause right before', () => {
  it('takes the total of the thing the clause before added to', () => {
    expect(levels('全市养老机构运行平稳，去年新增社区日间照料站40个，总数达到310个。', '平凉市', '2016-01-10')).toEqual([['day_care_centers', '平凉市', 310, 2015]]);
  });

  it('keeps the place the clause before names', () => {
    expect(all('调整后的农村低保标准为：城区农村低保标准提高40元，调整后达到每月520元。', '平凉市')).toEqual([
      ['dibao_rural', '平凉市市区', 520, 2016, 'level'],
    ]);
  });

  it('reads a bare per-person amount after a standard named without a figure', () => {
    expect(levels('全市城市低保标准今年暂不调整，每人每月510元。')).toEqual([['dibao_urban', '平凉市', 510, 2016]]);
  });

  it('does not read a per-person amount after a payment or a count as a standard', () => {
    expect(levels('城市低保对象增加生活补助，每人每月不低于20元。')).toEqual([]);
    expect(levels('重度残疾人护理补贴对象3100人，一级重度残疾人680人，每人每月90元。')).toEqual([]);
  });
});

describe('a lead that introduces what follows as one year\'s', () => {
  it('dates the figures below it', () => {
    const text = '平凉低保标准\n2017年标准尚未公布，以下为2016年执行的低保标准：\n（一）城市低保\n全市城市低保标准为每人每月480元。';
    expect(levels(text, '平凉市', '2017-06-01')).toEqual([['dibao_urban', '平凉市', 480, 2016]]);
  });
});

describe('vocabulary', () => {
  it('reads an average or monthly word inside the subject and the names of facilities', () => {
    expect(all('全市城市月平均低保标准达到每人每月310元。')).toEqual([['dibao_urban', '平凉市', 310, 2016, 'level']]);
    // 月平均 / 年平均 say the period when the amount does not.
    expect(levels('全市城市月平均低保标准达到310元，农村年平均低保标准达到2760元。')).toEqual([
      ['dibao_urban', '平凉市', 310, 2016],
      ['dibao_rural', '平凉市', 230, 2016],
    ]);
    expect(levels('全市共有社区日间照料站85个、老人家食堂120个、街镇级养老服务综合体9个。')).toEqual([
      ['day_care_centers', '平凉市', 85, 2016],
      ['meal_points', '平凉市', 120, 2016],
      ['street_elderly_centers', '平凉市', 9, 2016],
    ]);
  });
});

describe('numbers written in Chinese numerals', () => {
  it('are read when they name a hundred or more, with 多/余 as a hedge', () => {
    expect(all('全市共有养老机构86家，共有床位一万多张。')).toEqual([
      ['elderly_institutions', '平凉市', 86, 2016, 'level'],
      ['elderly_beds', '平凉市', 10000, 2016, 'level'],
    ]);
    expect(levels('全年实施临时救助两千三百余人次，发放低保资金一百多万元。')).toEqual([
      ['temporary_assistance_cases', '平凉市', 2300, 2016],
      ['dibao_funds', '平凉市', 1000000, 2016],
    ]);
    const [beds] = figuresOfText('全市共有养老床位一万二千张。', '平凉市', '2016-05-20');
    expect([beds?.normalized_value, beds?.qualifier, beds?.written]).toEqual([12000, 'exact', '一万二千张']);
  });

  it('take the hedge written before them, as digits do', () => {
    const [training] = figuresOfText('全年培训养老护理员不少于三千人次。', '平凉市', '2016-05-20');
    expect([training?.qualifier, training?.role, training?.written]).toEqual(['at_least', 'plan', '不少于三千人次']);
  });

  it('leaves small numerals and words made of numerals alone', () => {
    expect(all('全市十四个县区城市低保标准均为每人每月500元，百家企业一次性捐赠。')).toEqual([['dibao_urban', '平凉市', 500, 2016, 'level']]);
    expect(all('全市共有三家养老机构。')).toEqual([]);
  });
});

describe('a figure stated as N多 and as an exact number', () => {
  it('is one figure when the exact one lies between N and N plus a unit of its last digit', () => {
    const text = '全市共有养老床位一万多张。\n截至年底，全市养老床位12400张。';
    expect(levels(text)).toEqual([
      ['elderly_beds', '平凉市', 10000, 2016],
      ['elderly_beds', '平凉市', 12400, 2016],
    ]);
    expect(levels('全市共有养老床位一万多张。\n截至年底，全市养老床位23400张。')).toEqual([]);
  });
});

describe('a kind of facility named by 型 or 类', () => {
  it('is a part, not the count of all of them', () => {
    expect(all('目前已经建成18个示范型老人家食堂。')).toEqual([['meal_points', '平凉市', 18, 2016, 'subset']]);
  });
});

describe('parts of the place named as a list that share one value', () => {
  it('give each part that value; all the parts together are the whole place', () => {
    expect(levels('今年泾县、绩溪县城市低保标准统一调整为每人每月480元。', '宣城市', '2016-03-01')).toEqual([
      ['dibao_urban', '泾县', 480, 2016],
      ['dibao_urban', '绩溪县', 480, 2016],
    ]);
    const everyPart = '今年宣州区、郎溪县、广德市、宁国市、泾县、绩溪县、旌德县城市低保标准统一调整为每人每月480元。';
    expect(levels(everyPart, '宣城市', '2016-03-01')).toEqual([['dibao_urban', '宣城市', 480, 2016]]);
  });

  it('is not read across clauses nor over 分别', () => {
    expect(levels('全市城市低保标准最高的郎溪县达到每人每月520元，最低的绩溪县为每人每月470元。', '宣城市', '2016-03-01')).toEqual([
      ['dibao_urban', '郎溪县', 520, 2016],
      ['dibao_urban', '绩溪县', 470, 2016],
    ]);
    expect(levels('郎溪县、绩溪县城市低保标准分别为每人每月520元、470元。', '宣城市', '2016-03-01')).toEqual([
      ['dibao_urban', '郎溪县', 520, 2016],
      ['dibao_urban', '绩溪县', 470, 2016],
    ]);
  });
});

describe('beds of institutions of another kind', () => {
  it('are not elderly-care beds; the elderly-care part after 其中 is', () => {
    expect(levels('全市提供住宿的民政机构床位数为8600张，其中养老机构床位数为7900张。')).toEqual([['elderly_beds', '平凉市', 7900, 2016]]);
  });
});

describe('a part of the place whose name is two characters', () => {
  it('is that part after punctuation or a function word, not inside a common word', () => {
    expect(levels('全市城市低保标准最高的泾县达到每人每月520元。', '宣城市', '2016-03-01')).toEqual([['dibao_urban', '泾县', 520, 2016]]);
    expect(levels('全市示范县城市低保标准为每人每月520元。', '濮阳市', '2016-03-01')).toEqual([['dibao_urban', '濮阳市', 520, 2016]]);
  });
});

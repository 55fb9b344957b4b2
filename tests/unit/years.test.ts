import { describe, expect, it } from 'vitest';
import { yearBefore } from '../../src/indicators/years.js';
import { figuresOfText } from './text-figures.js';

/** The year a figure holds in, in sentences written for this test (a 2024 report unless said). */
function yearsOf(text: string, published = '2024-03-01'): [string, number | null, number | null][] {
  return figuresOfText(text, '信阳市', published).map((f) => [f.indicator, f.normalized_value, f.as_of]);
}

describe('yearBefore', () => {
  it.each([
    ['a year written before the figure', '2021年末全市养老床位8000张', 2021],
    ['last year, from the report year', '去年全市共办理结婚登记9000对', 2023],
    ['this year', '今年以来全市救助1200人次', 2024],
    ['not the base of a comparison', '2023年全市救助1200人次,比2022年增加100人次', 2023],
    ['not 去年同期', '全市救助1200人次,较去年同期增加', null],
    ['not the year before a standard in force (现行)', '2019年出台的办法规定,现行城市低保标准为720元', null],
    ['not last year as the start of a span (去年以来)', '去年以来全市共救助1200人次', null],
  ])('%s', (_name, text, expected) => {
    expect(yearBefore(text, text.length, 0, 2024)).toBe(expected);
  });
});

describe('the year of a figure whose sentence names none', () => {
  it('is the date a new standard took effect, for every value raised after it', () => {
    expect(yearsOf('从2023年7月起,城市低保标准从800元/月提高到830元/月,农村低保标准从600元/月提高到640元/月。')).toEqual([
      ['dibao_urban', 830, 2023],
      ['dibao_rural', 640, 2023],
    ]);
  });

  it('is the year the sentence before opens with, in the same paragraph', () => {
    expect(yearsOf('2023年全市低保年度核查工作已全部完成。全年共发放低保金5200万元。')).toEqual([['dibao_funds', 52000000, 2023]]);
  });

  it('is not carried to a sentence that names a place of its own, nor over 目前', () => {
    expect(yearsOf('2022年,全市低保年度核查工作完成。罗山县城市低保标准提高到每人每月700元。')).toEqual([['dibao_urban', 700, 2024]]);
    expect(yearsOf('2021年,全市启动养老服务改革。目前全市共有养老机构96家。')).toEqual([['elderly_institutions', 96, 2024]]);
  });

  it('is the one year of the section heading above it, or of a date line', () => {
    expect(yearsOf('二、2023年1-12月临时救助情况:\n全市共实施临时救助3100人次。')).toEqual([['temporary_assistance_cases', 3100, 2023]]);
    expect(yearsOf('截至2025年12月底\n全市共有养老机构96家。', '2026-01-10')).toEqual([['elderly_institutions', 96, 2025]]);
  });

  it('is the report year under a heading of next year\'s plans (a plan\'s year is no date of a figure)', () => {
    expect(yearsOf('三、2025年工作打算:\n全市养老机构达到100家。')[0]?.[2]).toBe(2024);
  });
});

describe('当年 and spans that start in a named year', () => {
  it('reads 当年 as the year named just before', () => {
    expect(yearsOf('本省从2015年开始实行低保指导标准制度。当年,全省城乡低保指导标准分别为300元/月和150元/月。', '2018-04-01')).toEqual([
      ['dibao_urban', 300, 2015],
      ['dibao_rural', 150, 2015],
    ]);
  });
});

describe('the year a report\'s lead says its figures hold in', () => {
  it('is last year for a review published early in the year whose lead names only last year', () => {
    const text = '市民政局召开新闻发布会\n2月20日,市民政局介绍了2024年全市民政工作情况。\n全市累计救助困难群众3100人次,养老机构达到96家。';
    expect(yearsOf(text, '2025-02-21')).toEqual([
      ['assisted_people', 3100, 2024],
      ['elderly_institutions', 96, 2024],
    ]);
  });

  it('is the report year when the lead names this year too, when the page is from later in the year, or when the sentence says 目前', () => {
    expect(yearsOf('2024年全市民政工作回顾。今年2月,市局部署新一年工作。\n全市养老机构达到96家。', '2025-02-21')[0]?.[2]).toBe(2025);
    expect(yearsOf('市民政局介绍了2024年全市民政工作情况。\n全市养老机构达到96家。', '2025-07-21')[0]?.[2]).toBe(2025);
    expect(yearsOf('市民政局介绍了2024年全市民政工作情况。\n目前全市养老机构共96家。', '2025-02-21')[0]?.[2]).toBe(2025);
  });

  it('is next year for a notice whose lead says the standards hold from next January', () => {
    const text = '明年1月1日起,我市城乡低保标准将有所提高。\n市区城市低保标准由每人每月600元调整为每人每月640元。';
    expect(yearsOf(text, '2024-12-10')).toEqual([['dibao_urban', 640, 2025]]);
  });

  it('is the year a bulletin\'s or summary\'s title names, whenever it was published', () => {
    const text = '2023年信阳市民政事业发展统计公报\n\n发布日期:2024-09-19\n\n全市共有养老机构96家。';
    expect(yearsOf(text, '2024-09-19')).toEqual([['elderly_institutions', 96, 2023]]);
    expect(yearsOf('信阳市民政局2019年以来工作总结\n全市共有养老机构96家。', '2024-09-19')[0]?.[2]).toBe(2024);
  });

  it('does not take a printed date for a year reported on', () => {
    const text = '全省养老床位达到32万张\n(载于2025年2月9日本报第3版)据统计,2024年全省新建社区养老服务中心350个。';
    expect(yearsOf(text, '2025-02-09').find(([id]) => id === 'elderly_beds')?.[2]).toBe(2024);
  });
});

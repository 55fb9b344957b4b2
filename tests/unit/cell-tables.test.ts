import { describe, expect, it } from 'vitest';
import { figuresOfText } from './text-figures.js';

/** Statistics tables flattened one cell per line, or with a row's cells run together (tables written for this test). */
const figuresOfTable = (text: string) => figuresOfText(text, '包头市', '2024-07-15', 'product');
const tableFigures = (text: string) => figuresOfTable(text).map((f) => [f.indicator, f.normalized_value, f.role, f.confidence]);

const cellPerLine = [
  '来源:统计科指标名称 |', '单位 |', '代码 |', '数量 |', '上年数据 |', '同比 |',
  '甲 |', '乙 |', '丙 |', '1 |', '2 |', '3 |',
  '一、民政事业费累计支出 |', '万元 |', 'A0100 |', '40,210.5 |', '38,900.0 |', '3.37 |',
  '(一)社会救助 |', '万元 |', 'A0110 |', '21,300.4 |', '20,100.0 |', '5.97 |',
  '(1)最低生活保障 |', '万元 |', 'A0111 |', '12,044.8 |', '11,500.2 |', '4.74 |',
  'A 城市低保累计支出 |', '万元 |', 'A0112 |', '3,010.6 |', '2,900.1 |', '3.81 |',
  '(2)特困人员救助供养支出 |', '万元 |', 'A0113 |', '5,120.3 |', '4,980.0 |', '2.82 |',
  '二、养老服务 |', '|', 'B0100 |', '|', '|', '|',
  '(一)养老机构 |', '个 |', 'B0110 |', '52 |', '50 |', '4.00 |',
].join('\n');

describe('a table of one cell per line under named columns', () => {
  it('reads the label, unit and value columns of each row, not the code, last year or growth', () => {
    expect(tableFigures(cellPerLine)).toEqual([
      ['dibao_funds', 120448000, 'level', 'high'],
      ['tekun_funds', 51203000, 'level', 'high'],
      ['elderly_institutions', 52, 'level', 'high'],
    ]);
  });

  it('stops at the first row that does not fit', () => {
    const broken = cellPerLine.replace('(2)特困人员救助供养支出 |', '2024 |');
    expect(tableFigures(broken).map(([indicator]) => indicator)).toEqual(['dibao_funds']);
  });
});

describe('a table of one cell per line in columns of years', () => {
  const years = ['项目', '2021年', '2022年', '2023年', '城市低保对象(人)', '5,210', '4,880', '4,512', '养老床位(张)', '9,300', '9,650', '10,020', '全市总人口(万人)', '270', '271', '272'].join('\n');
  const dated = (text: string) => figuresOfTable(text).map((f) => [f.indicator, f.normalized_value, f.as_of, f.role]);

  it('dates each cell by its column, the unit from the label\'s brackets', () => {
    expect(dated(years)).toEqual([
      ['elderly_beds', 9300, 2021, 'level'],
      ['elderly_beds', 9650, 2022, 'level'],
      ['elderly_beds', 10020, 2023, 'level'],
    ]);
  });

  it('reads the same table with its cells ending in |', () => {
    expect(dated(years.split('\n').map((cell) => `${cell} |`).join('\n'))).toEqual(dated(years));
  });
});

describe('a table whose rows run label, unit and value together', () => {
  const joined = [
    '指标名称单位数量',
    '三、民政机构和设施',
    '养老机构床位万张2.6',
    '四、社会救助',
    '城市最低生活保障',
    '最低生活保障人数万人1.2',
    '最低生活保障平均标准元/人·月960.0',
    '农村最低生活保障',
    '最低生活保障平均标准元/人·年9,600.0',
    '城市特困人员救助供养人数万人0.1',
    '临时救助万人次0.4',
    '社区服务中心190',
  ].join('\n');

  it('splits each row at the longest unit before its value; a line with no value names the group under it', () => {
    expect(tableFigures(joined)).toEqual([
      ['elderly_beds', 26000, 'level', 'high'],
      ['dibao_urban', 960, 'level', 'high'],
      ['dibao_rural', 800, 'level', 'high'],
      ['temporary_assistance_cases', 4000, 'level', 'high'],
    ]);
  });
});

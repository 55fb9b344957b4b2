import { describe, expect, it } from 'vitest';
import { figuresOfText } from './text-figures.js';

/** Statistics forms flattened to pipe-separated lines under a header of named columns (our own numbers). */
const levels = (text: string, published = '2023-08-01') =>
  figuresOfText(text, '南平市', published, 'product')
    .filter((f) => f.confidence === 'high')
    .map((f) => [f.indicator, f.normalized_value, f.as_of]);

const FORM = [
  '民政统计季报表 | ||||',
  '编制单位:南平市 | 2022年12月 | |||',
  '指标名称 | 单位 | 代码 | 数量 | 上季度 | 环比 |',
  '甲 | 乙 | 丙 | 1 | 2 | 3 |',
  '(二)民政事业费累计支出 | 万元 | JZH012000000 | 52,310.4 | 38,120.7 | 37.2 |',
  '2.社会救助 | 万元 | JZH012300000 | 30,215.9 | 22,004.1 | 37.3 |',
  '(1)最低生活保障 | 万元 | JZH012310000 | 18,402.6 | 13,380.2 | 37.5 |',
  'A 城市低保累计支出 | 万元 | JZH012311000 | 3,120.4 | 2,270.9 | 37.4 |',
  '(2)特困人员救助供养支出 | 万元 | JZH012320000 | 6,311.8 | 4,602.3 | 37.1 |',
  '养老机构 | 个 | JZH013100000 | 96 | 95 | 1.1 |',
].join('\n');

describe('a statistics form under a header of named columns', () => {
  it('reads each row\'s value under the column of this period, dated by the form\'s month', () => {
    expect(levels(FORM, '2023-02-10')).toEqual([
      ['dibao_funds', 184026000, 2022],
      ['tekun_funds', 63118000, 2022],
      ['elderly_institutions', 96, 2022],
    ]);
  });

  it('does not read a row without a header naming the period\'s column', () => {
    const noCurrent = FORM.replace('| 数量 |', '| 上年 |');
    expect(levels(noCurrent, '2023-02-10').map(([id]) => id)).not.toContain('dibao_funds');
  });
});

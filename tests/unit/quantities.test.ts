import { describe, expect, it } from 'vitest';
import { findQuantities } from '../../src/indicators/quantities.js';

describe('findQuantities', () => {
  it.each([
    ['累计整合各类资金3.2亿元', 3.2, 1e8, '亿元', 'exact'],
    ['智慧养老平台入网社会老人24.1万余人', 24.1, 1e4, '万人', 'about_or_more'],
    ['床位数达1.8万余张', 1.8, 1e4, '万张', 'about_or_more'],
    ['十年来累计投入180094.5万元用于低保对象', 180094.5, 1e4, '万元', 'exact'],
    ['分别惠及约2.65万困难残疾人', 2.65, 1e4, '万', 'approx'],
    ['提供助餐服务逾100万人次', 100, 1e4, '万人次', 'more_than'],
    ['累计减免基本丧葬服务费近2.5亿元', 2.5, 1e8, '亿元', 'nearly'],
    ['全市投入资金约1.6亿元', 1.6, 1e8, '亿元', 'approx'],
    ['每人每月不低于520元', 520, 1, '元', 'at_least'],
    ['护理型床位占比超过60%', 60, 1, '%', 'more_than'],
    ['累计完成3000余户改造', 3000, 1, '户', 'about_or_more'],
    ['5000多户', 5000, 1, '户', 'about_or_more'],
    ['标准均为60元/人/月', 60, 1, '元/人/月', 'exact'],
    ['提高到2022年的1450元/人·月', 1450, 1, '元/人·月', 'exact'],
    ['累计发放残疾人“两项补贴”资金1.2亿余元', 1.2, 1e8, '亿元', 'about_or_more'],
    ['设置500张以上床位', 500, 1, '张', 'at_least'],
  ])('%s → %d × %d %s (%s)', (text, value, magnitude, unit, qualifier) => {
    const last = findQuantities(text).at(-1);
    expect(last).toMatchObject({ value, magnitude, unit, qualifier });
  });

  it('leaves out years, dates and bare numbers', () => {
    expect(findQuantities('2022年10月11日,第4批')).toEqual([]);
  });
});

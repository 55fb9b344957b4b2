import { describe, expect, it } from 'vitest';
import { readHeadline } from '../../src/corpus/headline.js';
import { hasTraditional, simplify } from '../../src/text/simplify.js';

describe('readHeadline', () => {
  it.each([
    ['breadcrumb, headline, date line, body', '首页 > 新闻 > 民生\n某县提高城乡低保标准\n2024-05-06 10:00 来源:某县融媒体中心\n近日,某县……。', '某县提高城乡低保标准', '2024-05-06'],
    ['a labelled date wins over the first date of the body', '某市养老服务情况\n发布时间:2023年7月1日\n2019年以来,全市新建……。', '某市养老服务情况', '2023-07-01'],
    ['day-first dates', '城乡低保标准提高\n09.10.2015  09:41\n记者从市民政局获悉,……。', '城乡低保标准提高', '2015-10-09'],
    ['page controls and outlet names are not headlines', '某市日报客户端\n请用浏览器扫描下载\n关 闭\n书写温暖答卷\n——某市民政事业综述\n2022年,我市……。', '书写温暖答卷——某市民政事业综述', ''],
    ['a labelled title on the next line, a notice dated at its foot', '名    称 :\n某市民政局关于调整低保标准的通知\n文号:某民规〔2025〕6号\n各区民政局:现将……。\n\n2025年8月29日', '某市民政局关于调整低保标准的通知', '2025-08-29'],
    ['a date in brackets after the headline', '困难残疾人生活补贴 ( 2021年12月27日 )\n生活补贴:本市……。', '困难残疾人生活补贴', '2021-12-27'],
    ['no headline: the first clause, and no date from the body', '2023年1-12月份低保补助落实情况:全区共有2357户享受城乡低保,发放低保金3829.72万元,保障了困难群众的基本生活。', '2023年1-12月份低保补助落实情况:全区共有2357户享受城乡低保,发放低保…', ''],
  ])('%s', (_case, page, title, published) => {
    expect(readHeadline(page)).toEqual({ title, published });
  });
});

describe('simplify', () => {
  it.each([
    ['城鄉低保標準不低於每人每月914元', '城乡低保标准不低于每人每月914元'],
    ['蘭州日報社全媒體記者', '兰州日报社全媒体记者'],
    ['许昌市城市低保标准', '许昌市城市低保标准'],
  ])('%s → %s, same length', (traditional, simplified) => {
    expect(simplify(traditional)).toBe(simplified);
    expect(simplify(traditional)).toHaveLength(traditional.length);
  });

  it('leaves simplified text alone without converting it', () => {
    expect(hasTraditional('许昌市城市低保标准提高到每人每月700元')).toBe(false);
    expect(hasTraditional('不低於')).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { cleanReportText, isFurnitureLine, stripPinyinGlosses } from '../../src/corpus/clean.js';
import { parseFrontMatter } from '../../src/corpus/front-matter.js';
import { listReportFiles } from '../../src/corpus/load.js';
import { splitPassages } from '../../src/corpus/passages.js';
import { BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { SEEDS_DIR, squeeze } from '../helpers.js';

describe('isFurnitureLine', () => {
  it.each([
    '请用浏览器扫描下载',
    '关 闭',
    '许昌日报客户端',
    '编辑:毛志刚  刘靖雯     校对:张良',
    '责编:肖涛                 终审:杨红卫',
    '实习编辑:毛蕴劼',
    '审核:滕建锋',
    '评论一下',
    '评论 0人参与,0条评论',
    '还没有评论,快来抢沙发吧!',
    '最热评论',
    '已有0人参与,点击查看更多精彩评论',
    '0 阅读:16',
    '• 索 引 号:minzhengju/2025-00026',
    '  • 发布机构:民政局',
    '发布日期:2025-03-05 信息来源: 浏览次数:',
    '无限鹤壁 2022-10-12 13:40:51',
  ])('drops %s', (line) => expect(isFurnitureLine(line)).toBe(true));

  it.each([
    '厚植民生福祉 书写温暖答卷',
    '社会组织规范管理、健康发展。截至2021年末,全市共登记各类社会组织3500个',
    '2021年12月24日',
    '编辑部门要加强审核',
  ])('keeps %s', (line) => expect(isFurnitureLine(line)).toBe(false));
});

describe('cleanReportText', () => {
  it('removes furniture and trailing credits, joins hard-wrapped lines', () => {
    const raw = '某某客户端\n\n请用浏览器扫描下载\n\n关 闭\n\n标题\n\n(一)工作目标:加强困难群众重点监测和主动排查,努\n力实现动态管理下的应保尽保。\n累计救助近3.7万人次。(记者 张三  通讯员 李四)\n\n编辑:王五';
    expect(cleanReportText(raw)).toBe(
      '标题\n(一)工作目标:加强困难群众重点监测和主动排查,努力实现动态管理下的应保尽保。\n累计救助近3.7万人次。',
    );
  });

  it('is idempotent', () => {
    for (const file of listReportFiles(BUNDLED_CORPUS_DIR)) {
      const { body } = parseFrontMatter(fs.readFileSync(path.join(BUNDLED_CORPUS_DIR, file), 'utf8'));
      const once = cleanReportText(body);
      expect(cleanReportText(once)).toBe(once);
    }
  });
});

const seedsPresent = fs.existsSync(SEEDS_DIR);

describe.skipIf(!seedsPresent)('bundled corpus against the untouched originals', () => {
  const corpusFiles = listReportFiles(BUNDLED_CORPUS_DIR).map((file) => {
    const parsed = parseFrontMatter(fs.readFileSync(path.join(BUNDLED_CORPUS_DIR, file), 'utf8'));
    return { file, fields: parsed.fields ?? {}, body: parsed.body };
  });

  it('covers every seed report', () => {
    const originals = corpusFiles.map((c) => c.fields.original).sort();
    const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).sort();
    expect(originals).toEqual(seeds);
  });

  it.each(corpusFiles.map((c) => [c.file, c] as const))('%s is the cleaning of its original, not a hand edit', (_file, corpusFile) => {
    const original = fs.readFileSync(path.join(SEEDS_DIR, corpusFile.fields.original ?? ''), 'utf8');
    expect(corpusFile.body.trimEnd()).toBe(cleanReportText(original));
  });

  it.each(corpusFiles.map((c) => [c.file, c] as const))('%s keeps every sentence verbatim', (_file, corpusFile) => {
    const original = squeeze(fs.readFileSync(path.join(SEEDS_DIR, corpusFile.fields.original ?? ''), 'utf8'));
    const passages = splitPassages('doc', cleanReportText(corpusFile.body));
    expect(passages.length).toBeGreaterThan(10);
    for (const passage of passages) expect(original).toContain(squeeze(passage.text));
  });

  it.each(corpusFiles.map((c) => [c.file, c] as const))('%s no longer holds page furniture', (_file, corpusFile) => {
    for (const furniture of ['请用浏览器扫描下载', '关 闭', '校对', '责编', '评论一下', '阅读:', '索 引 号', '浏览次数', '实习编辑']) {
      expect(corpusFile.body).not.toContain(furniture);
    }
  });
});

describe('cleanReportText line rules', () => {
  it.each([
    ['a credit in full-width brackets with trailing spaces', '民政局发放救助金。 （记者 张三）  ', '民政局发放救助金。'],
    ['a credit naming several reporters', '民政局发放救助金。(通讯员 李四 王五)', '民政局发放救助金。'],
    ['only the last of two credits', '民政局发放救助金。（记者 张三）（通讯员 李四）', '民政局发放救助金。（记者 张三）'],
    ['brackets that are not a credit', '民政局发放救助金(附件)', '民政局发放救助金(附件)'],
    ['a credit that does not end the line', '(记者 张三)说,民政局发放救助金。', '(记者 张三)说,民政局发放救助金。'],
    ['a credit holding brackets', '民政局发放救助金。(记者 张(三))', '民政局发放救助金。(记者 张(三))'],
    ['a line that is only a credit', '(记者 张三)', ''],
    ['a title repeated after a credit-only line', '标题\n(记者 张三)\n标题', '标题'],
    ['a title repeated after a blank line', '标题\n\n副标题\n标题', '标题\n副标题'],
    ['a line repeated after four other lines', '甲\n乙\n丙\n丁\n甲', '甲\n乙\n丙\n丁\n甲'],
    ['view counters', '正文\n阅读 : 12\n阅读：\n浏览次数 12\n阅读量', '正文'],
    ['lines that only start like a view counter', '阅读 x\n浏览: 1 2', '阅读 x\n浏览: 1 2'],
    ['a paragraph hard-wrapped over many lines', `标题\n${'许'.repeat(20)}\n${'昌'.repeat(20)}\n${'市'.repeat(20)}`, `标题\n${'许'.repeat(20)}${'昌'.repeat(20)}${'市'.repeat(20)}`],
  ])('handles %s', (_name, raw, expected) => expect(cleanReportText(raw)).toBe(expected));
});

describe('stripPinyinGlosses', () => {
  it.each([
    ['a gloss after each character', '全市農(nóng)村低保標(biāo)準(zhǔn)提高', '全市農村低保標準提高'],
    ['ü with a tone mark', '婚姻登記(jì)率(lǜ)', '婚姻登記率'],
    ['brackets that are not a gloss stay', '城市低保(含市区)标准(a)为(1)', '城市低保(含市区)标准(a)为(1)'],
    ['a gloss not after a character stays', '见附表 (biǎo)', '见附表 (biǎo)'],
  ])('%s', (_name, line, expected) => {
    expect(stripPinyinGlosses(line)).toBe(expected);
  });
});

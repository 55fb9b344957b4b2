import { describe, expect, it } from 'vitest';
import { readSynonymGroups, readTermList } from '../../src/text/dictionary.js';
import { SYNONYMS_FILE, TERMS_FILE } from '../../src/search/jieba-files.js';
import { SynonymTable } from '../../src/text/synonyms.js';
import { onNativeCall } from '../../src/text/tokenizer.js';
import { bundledLibrary } from '../helpers.js';

const terms = readTermList(TERMS_FILE);
const tokenizer = bundledLibrary().tokenizer;

describe('civil-affairs dictionary', () => {
  it('holds at least 150 terms, including the issue list', () => {
    expect(terms.length).toBeGreaterThanOrEqual(150);
    for (const term of ['低保', '特困供养', '日间照料中心', '适老化改造', '两项补贴', '高龄津贴', '事实无人抚养儿童', '公建民营', '社工站', '福彩公益金', '节地生态安葬']) {
      expect(terms).toContain(term);
    }
  });

  it('keeps every term as one token (index and query cut alike)', () => {
    const broken = terms.filter((term) => {
      const cut = tokenizer.cut(term);
      return cut.length !== 1 || cut[0] !== term.toLowerCase();
    });
    expect(broken).toEqual([]);
  });

  it('finds each term whole inside a sentence', () => {
    expect(tokenizer.tokenize('实施特殊困难老年人家庭适老化改造8453户')).toContain('适老化改造');
    expect(tokenizer.tokenize('建成社区日间照料中心922个')).toContain('日间照料中心');
  });
});

describe('tokenize', () => {
  it.each([
    ['digits stay whole', '城市低保标准由每人每月不低于520元提高到700元', ['520', '700']],
    ['decimals stay whole', '累计发放资金3.13亿元', ['3.13']],
    ['years stay whole', '2023年全市登记社会组织2210家', ['2023', '2210']],
    ['Latin stays whole, lower-cased', 'COVID 防控', ['covid']],
    ['full-width digits and letters are normalised', 'ＣＯＶＩＤ１２３', ['covid123']],
  ])('%s', (_name, text, expected) => {
    const tokens = tokenizer.tokenize(text);
    for (const token of expected) expect(tokens).toContain(token);
  });

  it('drops punctuation and function words', () => {
    expect(tokenizer.tokenize('的,了。；;“”')).toEqual([]);
  });

  it('cuts ASCII and full-width punctuation alike', () => {
    expect(tokenizer.tokenize('低保,特困;孤儿')).toEqual(tokenizer.tokenize('低保，特困；孤儿'));
  });
});

describe('synonyms', () => {
  const groups = readSynonymGroups(SYNONYMS_FILE);
  const table = new SynonymTable(groups);

  it.each([
    ['最低生活保障', '低保'],
    ['福利彩票', '福彩'],
    ['社会工作者', '社工'],
    ['尊老金', '高龄津贴'],
    ['残疾人补贴', '两项补贴'],
  ])('%s finds %s and back', (personWord, reportWord) => {
    expect(table.alternativesOf(personWord)).toContain(reportWord);
    expect(table.alternativesOf(reportWord)).toContain(personWord);
  });

  it('uses only dictionary terms, so each synonym is one token', () => {
    const missing = groups.flat().filter((term) => !terms.includes(term));
    expect(missing).toEqual([]);
  });
});

describe('the hook before each call into jieba', () => {
  it('runs before every cut, so that a build thread asked to stop ends there and never inside cppjieba', () => {
    let calls = 0;
    onNativeCall(() => calls++);
    try {
      tokenizer.tokenize('全市城市低保标准提高到每人每月900元');
      tokenizer.words('养老床位');
      expect(calls).toBe(2);
      onNativeCall(() => {
        throw new Error('asked to stop');
      });
      expect(() => tokenizer.cut('养老床位')).toThrow('asked to stop');
    } finally {
      onNativeCall(() => {});
    }
  });
});

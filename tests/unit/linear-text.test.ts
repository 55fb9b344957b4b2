import { describe, expect, it } from 'vitest';
import { cleanReportText } from '../../src/corpus/clean.js';
import { MAX_PASSAGE_LENGTH, splitPassages } from '../../src/corpus/passages.js';
import type { Passage, Report } from '../../src/corpus/types.js';
import { extractFigures } from '../../src/indicators/extract.js';
import { loadPlaces } from '../../src/places/places.js';

/**
 * Scraped pages can hold a megabyte on one line. Cleaning and splitting must stay linear on
 * such input: each case below once took from seconds to hours. The budget is generous so that
 * a slow two-core CI machine passes, while a quadratic regression (minutes) cannot.
 */
const MEGABYTE = 1 << 20;
const BUDGET_MS = 1000;

const spaces = ' '.repeat(MEGABYTE);
const wrappedParagraph = '许'.repeat(20);
const distinctLines = Array.from({ length: 100_000 }, (_, line) => `第${line}行`).join('\n');

/** Name, raw text, and what cleaning must leave of it. */
const ADVERSARIAL: readonly (readonly [string, string, string])[] = [
  ['a 1 MB line of spaces', spaces, ''],
  ['a 1 MB run of spaces between words', `甲${spaces}乙`, `甲${spaces}乙`],
  ['1 MB of a', 'a'.repeat(MEGABYTE), 'a'.repeat(MEGABYTE)],
  ['1 MB of 许 without punctuation', '许'.repeat(MEGABYTE), '许'.repeat(MEGABYTE)],
  ['200 000 lines of one space', ' \n'.repeat(200_000), ''],
  ['a 1 MB line of 、', '、'.repeat(MEGABYTE), '、'.repeat(MEGABYTE)],
  ['1 MB of 1', '1'.repeat(MEGABYTE), '1'.repeat(MEGABYTE)],
  ['a view counter padded with 1 MB of spaces', `阅读${spaces}x`, `阅读${spaces}x`],
  ['a credit after 1 MB of spaces', `甲${spaces}(记者 张三)`, '甲'],
  ['50 000 hard-wrapped lines', `甲\n乙\n丙\n丁\n${`${wrappedParagraph}\n`.repeat(50_000)}`, `甲\n乙\n丙\n丁\n${wrappedParagraph.repeat(50_000)}`],
  ['100 000 distinct short lines', distinctLines, distinctLines],
  ['1 MB of unclosed would-be pinyin glosses', '農(nóng'.repeat(MEGABYTE / 5), '農(nóng'.repeat(MEGABYTE / 5)],
];

function timed<T>(run: () => T): { result: T; ms: number } {
  const started = performance.now();
  const result = run();
  return { result, ms: performance.now() - started };
}

/**
 * What is wrong with a split, checked in plain code: one expect per passage would make the
 * check, not the split, the slow part on 100 000 passages.
 */
function passageProblems(text: string, passages: readonly Passage[]): string[] {
  const problems: string[] = [];
  const gaps: string[] = [];
  let covered = 0;
  passages.forEach((passage, ordinal) => {
    if (passage.ordinal !== ordinal) problems.push(`passage ${ordinal} is numbered ${passage.ordinal}`);
    if (passage.start < covered) problems.push(`passage ${ordinal} overlaps the one before`);
    if (passage.text.length > MAX_PASSAGE_LENGTH) problems.push(`passage ${ordinal} is ${passage.text.length} long`);
    if (text.slice(passage.start, passage.end) !== passage.text) problems.push(`passage ${ordinal} has wrong offsets`);
    gaps.push(text.slice(covered, passage.start));
    covered = passage.end;
  });
  gaps.push(text.slice(covered));
  if (/[\p{L}\p{N}]/u.test(gaps.join(''))) problems.push('a letter or digit is in no passage');
  return problems.slice(0, 5);
}

describe('bounded work per input', () => {
  it.each(ADVERSARIAL)('cleans %s in under a second', (_name, raw, expected) => {
    const { result, ms } = timed(() => cleanReportText(raw));
    expect(ms).toBeLessThan(BUDGET_MS);
    // Compared as a boolean: a diff of two megabyte strings would bury the failure.
    expect(result === expected).toBe(true);
  });

  it.each(ADVERSARIAL)('splits %s in under a second into passages that cover it', (_name, raw) => {
    const { result: passages, ms } = timed(() => splitPassages('d', raw));
    expect(ms).toBeLessThan(BUDGET_MS);
    expect(passageProblems(raw, passages)).toEqual([]);
  });
});

/** A report of one line of `length` characters, every sentence of it a figure (the extractor's worst case). */
function oneLineReport(length: number): { report: Report; passages: Passage[] } {
  const sentence = '城市低保标准提高到每人每月760元 ';
  const text = sentence.repeat(Math.ceil(length / sentence.length));
  const report: Report = {
    meta: { doc_id: 'd', place: '许昌市', place_code: '411000', published: '2024-01-01', title: '', place_id: '', province: '', level: '', source: '', period: '', original: '' },
    text,
    file: 'd.md',
  };
  return { report, passages: splitPassages('d', text) };
}

describe('extraction of a megabyte line', () => {
  // Looking back for the heading or the sentence before once scanned to the start of the line for
  // every passage: 40 s for a 1 MB line. Linear work grows 4× from 256 KB to 1 MB; quadratic, 16×.
  it('grows linearly with the line', () => {
    const places = loadPlaces();
    const small = oneLineReport(MEGABYTE / 4);
    const large = oneLineReport(MEGABYTE);
    extractFigures(small.report, small.passages.slice(0, 200), places); // warm up
    const smallRun = timed(() => extractFigures(small.report, small.passages, places));
    const largeRun = timed(() => extractFigures(large.report, large.passages, places));
    expect(largeRun.result.length).toBeGreaterThan(10_000);
    expect(largeRun.ms / smallRun.ms).toBeLessThan(9);
  }, 120_000);

  it.each([
    ['a 1 MB line of spaces under a table header', `项目\n${' '.repeat(MEGABYTE)}x |\n2023年 |`],
    ['a 1 MB line of spaces under a run-together header', `指标名称单位数量\n养老机构${' '.repeat(MEGABYTE)}12`],
    ['a 1 MB line of digits under a run-together header', `指标名称单位数量\n${'1'.repeat(MEGABYTE)}`],
  ])('reads %s in seconds, not minutes', (_name, text) => {
    const report: Report = { ...oneLineReport(10).report, text };
    const { ms } = timed(() => extractFigures(report, splitPassages('d', text), loadPlaces()));
    expect(ms).toBeLessThan(5000);
  }, 60_000);
});

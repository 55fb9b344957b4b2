import { describe, expect, it } from 'vitest';
import { MAX_PASSAGE_LENGTH, splitPassages } from '../../src/corpus/passages.js';

describe('splitPassages', () => {
  it.each([
    ['full-width stops', '第一句。第二句！第三句？', ['第一句。', '第二句！', '第三句？']],
    ['ASCII stops', '第一句!第二句?第三句.', ['第一句!', '第二句?', '第三句.']],
    ['closing quotes stay with the sentence', '他说:“很好。”然后走了。', ['他说:“很好。”', '然后走了。']],
    ['line breaks end a passage', '标题\n正文一句。', ['标题', '正文一句。']],
    ['blank and punctuation-only pieces are dropped', '一句。\n\n。\n', ['一句。']],
  ])('%s', (_name, text, expected) => {
    expect(splitPassages('d', text).map((p) => p.text)).toEqual(expected);
  });

  it('cuts run-on text at semicolons (ASCII and full-width), then at commas', () => {
    const clause = '城乡低保标准分别提高到8580元、5580元,特困供养标准分别提高到11160元、7260元';
    const runOn = [clause, clause, clause, clause, clause, clause].join(';') + '；' + `${clause},`.repeat(8) + '。';
    const passages = splitPassages('d', runOn);
    expect(passages.length).toBeGreaterThan(6);
    for (const passage of passages) {
      expect(passage.text.length).toBeLessThanOrEqual(MAX_PASSAGE_LENGTH);
      expect(runOn.slice(passage.start, passage.end)).toBe(passage.text);
    }
    expect(passages[0]?.text).toBe(`${clause};`);
  });

  it('hard-cuts text without any break', () => {
    const text = '字'.repeat(700);
    const passages = splitPassages('d', text);
    expect(passages.map((p) => p.text.length)).toEqual([300, 300, 100]);
  });

  it('gives stable, ordered ids and exact offsets', () => {
    const text = '  前言。\n第二段第一句。第二句。';
    const first = splitPassages('xuchang-2025', text);
    const second = splitPassages('xuchang-2025', text);
    expect(first).toEqual(second);
    expect(first.map((p) => p.passage_id)).toEqual(['xuchang-2025:000', 'xuchang-2025:001', 'xuchang-2025:002']);
    for (const passage of first) expect(text.slice(passage.start, passage.end)).toBe(passage.text);
  });
});

describe('splitPassages trimming', () => {
  const whiteSpace = Array.from({ length: 0x10000 }, (_, code) => String.fromCharCode(code)).filter((char) => /\s/.test(char));

  it.each(whiteSpace.map((char) => [char.charCodeAt(0).toString(16).padStart(4, '0'), char] as const))(
    'trims U+%s like \\s does',
    (_code, char) => {
      const text = `${char}${char}字${char}`;
      const [passage] = splitPassages('d', text);
      expect(passage?.text).toBe('字');
      expect(passage?.start).toBe(2);
    },
  );

  it('keeps characters \\s does not match', () => {
    expect(splitPassages('d', '\u200b字\u200b').map((p) => p.text)).toEqual(['\u200b字\u200b']);
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validateIdfFile, validateJiebaDictionary, validateNonEmptyFile } from '../../src/text/dictionary.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-dict-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let count = 0;
function file(content: string): string {
  const name = path.join(dir, `dict-${count++}.utf8`);
  fs.writeFileSync(name, content);
  return name;
}

/** The message of what a check throws, or undefined when it passes. */
function failure(check: () => void): string | undefined {
  try {
    check();
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

describe('dictionary files checked before cppjieba reads them (it aborts the process on a bad one)', () => {
  it.each([
    ['a valid main dictionary', '低保 3000 n\n养老 1000 v\n\n', undefined],
    ['carriage returns', '低保 3000 n\r\n养老 1000 v\r\n', undefined],
    ['a line without its tag, with its number', '低保 3000 n\n养老 1000\n孤儿 20 n\n', ':2: expected "word frequency tag", got "养老 1000"'],
    ['a bad first line', '低保 n\n', ':1: expected'],
    ['a bad last line without a newline', '低保 3000 n\n\n养老 x v', ':3: expected'],
    ['a word with a space inside', '低 保 3000 n\n', ':1: expected'],
    ['U+2028 inside a line (a line end to a multiline pattern, not to cppjieba)', '低保 3000 n\n低\u2028保 3000 n\n', ':2: expected'],
    ['an empty file', '\n\n', 'is empty'],
  ])('main dictionary: %s', (_, content, expected) => {
    const message = failure(() => validateJiebaDictionary(file(content), 'main'));
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(expected);
  });

  it.each([
    ['words alone', '适老化改造\n特困供养 3000 n\n', undefined],
    ['empty (allowed)', '', undefined],
    ['a frequency that is not a number', '适老化改造 many n\n', ':1: expected'],
  ])('user dictionary: %s', (_, content, expected) => {
    const message = failure(() => validateJiebaDictionary(file(content), 'user'));
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(expected);
  });

  it.each([
    ['valid', '低保 8.5\n养老 -1.25\n', undefined],
    ['a word without its idf', '低保 8.5\n养老\n', ':2: expected "word idf", got "养老"'],
  ])('idf file: %s', (_, content, expected) => {
    const message = failure(() => validateIdfFile(file(content)));
    if (expected === undefined) expect(message).toBeUndefined();
    else expect(message).toContain(expected);
  });

  it('the HMM model and stop words need only exist and hold something', () => {
    expect(failure(() => validateNonEmptyFile(file('x\n')))).toBeUndefined();
    expect(failure(() => validateNonEmptyFile(file(' \n\t')))).toContain('is empty');
    expect(failure(() => validateNonEmptyFile(path.join(dir, 'missing.utf8')))).toContain('cannot read dictionary');
  });
});

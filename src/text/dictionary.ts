import fs from 'node:fs';
import { MinzhengError } from '../errors.js';

/**
 * Domain terms (src/text/dict/terms.txt) become a jieba user dictionary. cppjieba aborts the
 * whole process on a missing, empty or malformed dictionary, so every file is checked here first.
 */

/** Weight of a domain term: enough to beat a split into common words, not to swallow neighbours. */
export const USER_TERM_FREQUENCY = 3000;

/** cppjieba reads main-dictionary lines as exactly "word freq tag"; user lines may omit freq and tag. */
const MAIN_DICT_LINE = /^[^\s]+ \d+(\.\d+)? [A-Za-z]+$/;
const USER_DICT_LINE = /^[^\s]+( \d+(\.\d+)?)?( [A-Za-z]+)?$/;
const IDF_LINE = /^\S+ -?\d+(\.\d+)?$/;

/** Reads a one-term-per-line file ('#' comments, blank lines ignored). */
export function readTermList(file: string): string[] {
  const content = readDictionaryFile(file);
  const terms = content
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const invalid = terms.find((term) => /\s/.test(term));
  if (invalid) throw new MinzhengError('BAD_DICTIONARY', `${file}: term "${invalid}" contains white space`);
  return [...new Set(terms)];
}

/** Synonym groups: one group per line, members separated by spaces. */
export function readSynonymGroups(file: string): string[][] {
  return readDictionaryFile(file)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => [...new Set(line.split(/\s+/))])
    .filter((group) => group.length > 1);
}

export function userDictionaryContent(terms: readonly string[]): string {
  return terms.map((term) => `${term} ${USER_TERM_FREQUENCY} n`).join('\n') + '\n';
}

/** Throws unless `file` is a non-empty jieba dictionary whose every line cppjieba accepts. */
export function validateJiebaDictionary(file: string, kind: 'main' | 'user'): void {
  const content = readDictionaryFile(file, kind === 'user');
  const bad = firstBadLine(content, kind === 'main' ? MAIN_DICT_LINE : USER_DICT_LINE);
  if (bad) throw new MinzhengError('BAD_DICTIONARY', `${file}:${bad.number}: expected "word frequency tag", got "${bad.line.slice(0, 40)}"`);
}

/** idf.utf8: "word idf" per line; cppjieba aborts the process on a missing, empty or malformed one. */
export function validateIdfFile(file: string): void {
  const bad = firstBadLine(readDictionaryFile(file), IDF_LINE);
  if (bad) throw new MinzhengError('BAD_DICTIONARY', `${file}:${bad.number}: expected "word idf", got "${bad.line.slice(0, 40)}"`);
}

/** Stop words and the HMM model: cppjieba aborts on a missing or empty file; their content it reads leniently. */
export function validateNonEmptyFile(file: string): void {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    throw new MinzhengError('BAD_DICTIONARY', `cannot read dictionary ${file}: ${(error as Error).message}`);
  }
  // Its first byte that is not ASCII white space shows it holds something, without decoding 0.5 MB
  // of HMM model (~25 ms of a start); a non-ASCII one may be Unicode white space: the text decides.
  const first = bytes.findIndex((byte) => byte !== 0x20 && (byte < 0x09 || byte > 0x0d));
  if (first < 0 || bytes[first]! >= 0x80) readDictionaryFile(file);
}

/**
 * The first non-empty line `pattern` (anchored at both ends) does not match, with its number.
 * One multiline search over the text: testing each of a query dictionary's 20 000 lines took
 * ~60 ms of a start, the one search ~8 ms. A text with U+2028 or U+2029 (line ends to a multiline
 * pattern, not to cppjieba) is tested line by line.
 */
function firstBadLine(content: string, pattern: RegExp): { number: number; line: string } | undefined {
  if (/[\u2028\u2029]/.test(content)) {
    const lines = content.split('\n');
    const at = lines.findIndex((line) => line !== '' && !pattern.test(line));
    return at < 0 ? undefined : { number: at + 1, line: lines[at]! };
  }
  const bad = new RegExp(`^(?!${pattern.source.slice(1, -1)}$).+$`, 'm').exec(content);
  if (!bad) return undefined;
  let number = 1;
  for (let at = content.indexOf('\n'); at >= 0 && at < bad.index; at = content.indexOf('\n', at + 1)) number++;
  return { number, line: bad[0] };
}

function readDictionaryFile(file: string, allowEmpty = false): string {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MinzhengError('BAD_DICTIONARY', `cannot read dictionary ${file}: ${(error as Error).message}`);
  }
  if (!allowEmpty && content.trim() === '') throw new MinzhengError('BAD_DICTIONARY', `dictionary ${file} is empty`);
  // Most files have no carriage return: replacing over a 0.5 MB HMM model cost ~40 ms of a start.
  return content.includes('\r') ? content.replace(/\r\n?/g, '\n') : content;
}

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
  const pattern = kind === 'main' ? MAIN_DICT_LINE : USER_DICT_LINE;
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === '') continue;
    if (!pattern.test(line)) {
      throw new MinzhengError('BAD_DICTIONARY', `${file}:${i + 1}: expected "word frequency tag", got "${line.slice(0, 40)}"`);
    }
  }
}

/** idf.utf8: "word idf" per line; cppjieba aborts the process on a missing, empty or malformed one. */
export function validateIdfFile(file: string): void {
  const lines = readDictionaryFile(file).split('\n');
  lines.forEach((line, i) => {
    if (line !== '' && !/^\S+ -?\d+(\.\d+)?$/.test(line)) throw new MinzhengError('BAD_DICTIONARY', `${file}:${i + 1}: expected "word idf", got "${line.slice(0, 40)}"`);
  });
}

/** Stop words and the HMM model: cppjieba aborts on a missing or empty file; their content it reads leniently. */
export function validateNonEmptyFile(file: string): void {
  readDictionaryFile(file);
}

function readDictionaryFile(file: string, allowEmpty = false): string {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch (error) {
    throw new MinzhengError('BAD_DICTIONARY', `cannot read dictionary ${file}: ${(error as Error).message}`);
  }
  if (!allowEmpty && content.trim() === '') throw new MinzhengError('BAD_DICTIONARY', `dictionary ${file} is empty`);
  return content.replace(/\r\n?/g, '\n');
}

import fs from 'node:fs';
import { createRequire } from 'node:module';
import type * as NodeJieba from 'nodejieba';
import { validateIdfFile, validateJiebaDictionary, validateNonEmptyFile } from './dictionary.js';

const require = createRequire(import.meta.url);

/** The files nodejieba loads. The same files must be used to build an index and to query it. */
export interface JiebaDictionaries {
  dict: string;
  hmmDict: string;
  userDict: string;
  idfDict: string;
  stopWordDict: string;
}

/** Function words and question words that carry no search meaning. */
const STOP_WORDS = new Set(
  (
    '的 了 和 与 及 或 在 是 等 为 对 将 把 被 有 之 其 并 也 就 都 而 以 于 由 从 到 至 这 那 个 ' +
    '吗 呢 啊 吧 么 中 上 下 里 多少 什么 哪些 哪个 如何 怎么 怎样 情况 有关 关于 一下 请问 查询 是否 ' +
    '我 我们 你 他 它 她 各 该 此 每'
  ).split(' '),
);

const SEARCHABLE = /[\p{L}\p{N}]/u;

export interface Tokenizer {
  /** Search terms of a text: jieba's search-mode cut, normalised, without stop words. */
  tokenize(text: string): string[];
  /** jieba's plain cut (HMM on), for tests and diagnostics. */
  cut(text: string): string[];
  /** The words of a text (plain cut, normalised, no stop words): the units search mode splits further. */
  words(text: string): string[];
  /** Every dictionary word of two or more characters that segmentation of `text` can use. */
  dictionaryWordsIn(text: string): string[];
}

let loadedKey: string | undefined;

/** Run before every call into nodejieba (see onNativeCall). */
let beforeNativeCall: () => void = () => {};

/**
 * A hook run before each call into nodejieba, at a point where JavaScript may safely stop: a build
 * thread asked to stop ends there (process.exit in a worker ends the thread). Stopping it from
 * outside (Worker.terminate) while cppjieba runs can abort the whole process when the addon calls
 * back into V8.
 */
export function onNativeCall(hook: () => void): void {
  beforeNativeCall = hook;
}

/** `call` after the hook: every nodejieba call goes through here. */
function native<T>(call: () => T): T {
  beforeNativeCall();
  return call();
}

/**
 * Loads nodejieba with the given dictionaries (validated first: cppjieba aborts the process on a
 * bad file). nodejieba holds one global segmenter, so loading other files replaces it.
 */
export function loadTokenizer(dicts: JiebaDictionaries): Tokenizer {
  const jieba = require('nodejieba') as typeof NodeJieba;
  const key = JSON.stringify(dicts);
  if (loadedKey !== key) {
    validateJiebaDictionary(dicts.dict, 'main');
    validateJiebaDictionary(dicts.userDict, 'user');
    validateIdfFile(dicts.idfDict);
    validateNonEmptyFile(dicts.stopWordDict);
    validateNonEmptyFile(dicts.hmmDict);
    native(() => jieba.load(dicts));
    loadedKey = key;
  }
  const nested = nestedTermFinder(userTerms(dicts.userDict));
  return {
    tokenize: (text) => normalizeTerms(native(() => jieba.cutForSearch(normalizeText(text), true))).flatMap(nested),
    cut: (text) => native(() => jieba.cut(normalizeText(text), true)),
    words: (text) => normalizeTerms(native(() => jieba.cut(normalizeText(text), true))),
    dictionaryWordsIn: (text) => native(() => jieba.cutAll(normalizeText(text))).filter((word) => [...word].length >= 2),
  };
}

function userTerms(userDictFile: string): Set<string> {
  const words = fs.readFileSync(userDictFile, 'utf8').split('\n').map((line) => line.split(' ')[0] ?? '');
  return new Set(words.filter((word) => word.length > 3).map(normalizeText));
}

/**
 * jieba's search mode adds only the 2- and 3-character words inside a long word; a domain term
 * nested in a longer one (适老化改造 in 家庭适老化改造) must be a term of its own too.
 */
function nestedTermFinder(terms: ReadonlySet<string>): (word: string) => string[] {
  const longest = Math.max(0, ...[...terms].map((term) => term.length));
  return (word) => {
    if (word.length <= 4) return [word];
    const found = [word];
    for (let length = 4; length < word.length && length <= longest; length++) {
      for (let start = 0; start + length <= word.length; start++) {
        const inner = word.slice(start, start + length);
        if (terms.has(inner)) found.push(inner);
      }
    }
    return found;
  };
}

/** Full-width letters and digits to half-width, Latin to lower case. */
export function normalizeText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function normalizeTerms(words: readonly string[]): string[] {
  return words.map((word) => word.trim()).filter((word) => word !== '' && SEARCHABLE.test(word) && !STOP_WORDS.has(word));
}

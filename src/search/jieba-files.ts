import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { readTermList, userDictionaryContent } from '../text/dictionary.js';
import type { JiebaDictionaries } from '../text/tokenizer.js';
import { DICT_DIR } from '../paths.js';

const require = createRequire(import.meta.url);

export const TERMS_FILE = path.join(DICT_DIR, 'terms.txt');
export const SYNONYMS_FILE = path.join(DICT_DIR, 'synonyms.txt');
export const USER_DICT_NAME = 'user.dict.utf8';
export const QUERY_DICT_NAME = 'query.dict.utf8';
const IDF_NAME = 'idf.utf8';
const STOP_WORDS_NAME = 'stop_words.utf8';
/** The dictionary files an index folder holds: the manifest carries their checksums too. */
export const INDEX_DICTIONARY_FILES = [USER_DICT_NAME, QUERY_DICT_NAME, IDF_NAME, STOP_WORDS_NAME] as const;

interface NodeJiebaDefaults {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

function defaults(): NodeJiebaDefaults {
  return require('nodejieba') as NodeJiebaDefaults;
}

/** Writes the user dictionary built from terms.txt into an index folder; returns its path. */
export function writeUserDictionary(indexDir: string): string {
  const file = path.join(indexDir, USER_DICT_NAME);
  fs.writeFileSync(file, userDictionaryContent(readTermList(TERMS_FILE)));
  return file;
}

/** nodejieba's full dictionaries plus the index's user dictionary: what an index is built with. */
export function buildDictionaries(userDictFile: string): JiebaDictionaries {
  const { DEFAULT_DICT, DEFAULT_HMM_DICT, DEFAULT_IDF_DICT, DEFAULT_STOP_WORD_DICT } = defaults();
  return { dict: DEFAULT_DICT, hmmDict: DEFAULT_HMM_DICT, userDict: userDictFile, idfDict: DEFAULT_IDF_DICT, stopWordDict: DEFAULT_STOP_WORD_DICT };
}

/** The index's own small dictionaries: what the server answers queries with. */
export function queryDictionaries(indexDir: string): JiebaDictionaries {
  return {
    dict: path.join(indexDir, QUERY_DICT_NAME),
    hmmDict: defaults().DEFAULT_HMM_DICT,
    userDict: path.join(indexDir, USER_DICT_NAME),
    idfDict: path.join(indexDir, IDF_NAME),
    stopWordDict: path.join(indexDir, STOP_WORDS_NAME),
  };
}

/**
 * Common words are kept too, so that the words people type around the corpus's words
 * (多少, 每年, 命名) are cut as the full dictionary cuts them. 1000 keeps 18k words: measured,
 * 4 of 83 test queries are cut differently (rare words only) at 238 ms cold start, against
 * 2 at 261 ms for 100 (43k words) and 13 at ~225 ms for none.
 */
export const COMMON_WORD_MIN_FREQUENCY = 1000;

/** Sentinel words no text contains (private-use characters). */
const MASS_SENTINEL = '\uE000\uE000';
const MIN_SENTINEL = '\uE001\uE001';

/**
 * Writes the query-time dictionary: every single character of the full dictionary and every
 * longer word the corpus contains, with their frequencies. cppjieba weighs a word by
 * log(freq / sum of all freqs) and an unknown character by the smallest weight, so two sentinel
 * entries keep that sum and that minimum: every route jieba weighs over the indexed text gets
 * the same weight as with the full dictionary, hence the same cut, from ~1/40 of the file.
 */
export function writeQueryDictionary(indexDir: string, corpusWords: ReadonlySet<string>): { kept: number; total: number } {
  const lines = fs.readFileSync(defaults().DEFAULT_DICT, 'utf8').split('\n');
  const kept: string[] = [];
  let totalFrequency = 0;
  let keptFrequency = 0;
  let minFrequency = Infinity;
  for (const line of lines) {
    if (line === '') continue;
    const [word = '', frequencyText = '0'] = line.split(' ');
    const frequency = Number(frequencyText);
    totalFrequency += frequency;
    minFrequency = Math.min(minFrequency, frequency);
    if (frequency >= COMMON_WORD_MIN_FREQUENCY || [...word].length === 1 || corpusWords.has(word)) {
      kept.push(line);
      keptFrequency += frequency;
    }
  }
  const mass = totalFrequency - keptFrequency - minFrequency;
  const sentinels = [`${MIN_SENTINEL} ${minFrequency} x`, ...(mass > 0 ? [`${MASS_SENTINEL} ${mass} x`] : [])];
  fs.writeFileSync(path.join(indexDir, QUERY_DICT_NAME), [...kept, ...sentinels].join('\n') + '\n');
  // The keyword extractor nodejieba also loads is never used: give it one-line files.
  fs.writeFileSync(path.join(indexDir, IDF_NAME), '民政 10.0\n');
  fs.writeFileSync(path.join(indexDir, STOP_WORDS_NAME), '的\n');
  return { kept: kept.length, total: lines.filter((line) => line !== '').length };
}

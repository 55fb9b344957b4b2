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

interface NodeJiebaDefaults {
  DEFAULT_DICT: string;
  DEFAULT_HMM_DICT: string;
  DEFAULT_IDF_DICT: string;
  DEFAULT_STOP_WORD_DICT: string;
}

/** Writes the user dictionary built from terms.txt into an index folder; returns its path. */
export function writeUserDictionary(indexDir: string): string {
  const file = path.join(indexDir, USER_DICT_NAME);
  fs.writeFileSync(file, userDictionaryContent(readTermList(TERMS_FILE)));
  return file;
}

/** nodejieba's bundled dictionaries plus the index's user dictionary. */
export function jiebaDictionaries(userDictFile: string): JiebaDictionaries {
  const defaults = require('nodejieba') as NodeJiebaDefaults;
  return {
    dict: defaults.DEFAULT_DICT,
    hmmDict: defaults.DEFAULT_HMM_DICT,
    userDict: userDictFile,
    idfDict: defaults.DEFAULT_IDF_DICT,
    stopWordDict: defaults.DEFAULT_STOP_WORD_DICT,
  };
}

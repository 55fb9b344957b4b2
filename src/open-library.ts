import fs from 'node:fs';
import MiniSearch from 'minisearch';
import { MinzhengError } from './errors.js';
import { loadPlaces } from './places/places.js';
import { ReportLibrary } from './library.js';
import type { Logger } from './log.js';
import { buildIndex, reportCorpusNotes } from './search/build.js';
import { stalenessReason } from './search/freshness.js';
import { SYNONYMS_FILE, buildDictionaries, queryDictionaries, writeQueryDictionary, writeUserDictionary } from './search/jieba-files.js';
import { miniSearchOptions, type PassageDocument } from './search/options.js';
import { loadIndex, readManifest, saveIndex } from './search/store.js';
import { readSynonymGroups } from './text/dictionary.js';
import { SynonymTable } from './text/synonyms.js';
import { loadTokenizer } from './text/tokenizer.js';

export interface IndexLocation {
  corpusDir: string;
  indexDir: string;
}

/** Builds the index of a corpus folder into an index folder, replacing what was there. */
export function rebuildIndex(location: IndexLocation, logger: Logger): ReportLibrary {
  if (!fs.existsSync(location.corpusDir)) {
    throw new MinzhengError('INDEX_UNUSABLE', `corpus folder ${location.corpusDir} does not exist`);
  }
  fs.mkdirSync(location.indexDir, { recursive: true });
  const tokenizer = loadTokenizer(buildDictionaries(writeUserDictionary(location.indexDir)));
  const started = Date.now();
  const places = loadPlaces();
  const built = buildIndex(location.corpusDir, tokenizer, logger, places);
  writeQueryDictionary(location.indexDir, built.dictionaryWords);
  saveIndex(location.indexDir, built);
  logger.info(
    `indexed ${built.manifest.counts.reports} reports, ${built.manifest.counts.passages} passages in ${Date.now() - started} ms → ${location.indexDir}`,
  );
  return new ReportLibrary({ ...built, tokenizer, synonyms: loadSynonyms(), gazetteer: places.gazetteer });
}

/**
 * Opens the index of a corpus: the saved one when it matches the corpus, dictionaries and code;
 * otherwise it is rebuilt (and saved) with the reason on stderr.
 */
export function openLibrary(location: IndexLocation, logger: Logger): ReportLibrary {
  const manifest = readManifest(location.indexDir);
  const stale = manifest ? stalenessReason(manifest, location.corpusDir) : 'no index built yet';
  if (stale) {
    logger.info(`building the index of ${location.corpusDir} (${stale})`);
    return rebuildIndex(location, logger);
  }
  try {
    const loaded = loadIndex(location.indexDir);
    reportCorpusNotes(logger, loaded.manifest);
    const tokenizer = loadTokenizer(queryDictionaries(location.indexDir));
    const miniSearch = () => loadSearchIndex(loaded.searchIndexFile, tokenizer.tokenize);
    return new ReportLibrary({ ...loaded, miniSearch, tokenizer, synonyms: loadSynonyms() });
  } catch (error) {
    logger.warn(`${(error as Error).message}; rebuilding (to do it by hand: npm run index)`);
    return rebuildIndex(location, logger);
  }
}

function loadSearchIndex(file: string, tokenize: (text: string) => string[]): MiniSearch<PassageDocument> {
  try {
    return MiniSearch.loadJSON(fs.readFileSync(file, 'utf8'), miniSearchOptions(tokenize));
  } catch (error) {
    throw new MinzhengError('INDEX_UNUSABLE', `search index ${file} is unreadable (${(error as Error).message}); rebuild it with npm run index`);
  }
}

function loadSynonyms(): SynonymTable {
  return new SynonymTable(readSynonymGroups(SYNONYMS_FILE));
}

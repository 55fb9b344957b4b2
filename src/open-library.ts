import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { MinzhengError } from './errors.js';
import { loadPlaces } from './places/places.js';
import { ReportLibrary } from './library.js';
import type { Logger } from './log.js';
import { buildIndex, reportCorpusNotes } from './search/build.js';
import { stalenessReason } from './search/freshness.js';
import { SYNONYMS_FILE, buildDictionaries, queryDictionaries, writeQueryDictionary, writeUserDictionary } from './search/jieba-files.js';
import { miniSearchOptions, type PassageDocument } from './search/options.js';
import { loadIndex, readManifest, readSearchIndex, saveIndex } from './search/store.js';
import type { Manifest } from './search/types.js';
import { readSynonymGroups } from './text/dictionary.js';
import { MemoryStore } from './store/memory-store.js';
import { SynonymTable } from './text/synonyms.js';
import { loadTokenizer } from './text/tokenizer.js';

export interface IndexLocation {
  corpusDir: string;
  indexDir: string;
}

/** Builds the index of a corpus folder into an index folder, replacing what was there. */
export function rebuildIndex(location: IndexLocation, logger: Logger): ReportLibrary {
  const { built, tokenizer, places } = buildAndSave(location, logger);
  return new ReportLibrary({ store: new MemoryStore(built), tokenizer, synonyms: loadSynonyms(), gazetteer: places.gazetteer });
}

/**
 * mkdir -p, one level at a time: Node's recursive mkdir loops forever where a parent cannot be
 * created and reports ENOENT for itself (a folder under /proc).
 */
function makeFolders(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !fs.existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing) fs.mkdirSync(folder);
}

/** The index folder, or, when it cannot be written, a private temporary one: the index is then served from memory. */
function writableIndexDir(indexDir: string, logger: Logger): { dir: string; saved: boolean } {
  try {
    makeFolders(indexDir);
    const probe = path.join(indexDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return { dir: indexDir, saved: true };
  } catch (error) {
    logger.warn(
      `cannot write the index cache ${indexDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); serving from memory, rebuilt at every start — set MINZHENG_CACHE_DIR to a writable folder`,
    );
    return { dir: fs.mkdtempSync(path.join(os.tmpdir(), 'minzheng-memory-')), saved: false };
  }
}

function buildAndSave(location: IndexLocation, logger: Logger) {
  if (!fs.existsSync(location.corpusDir)) {
    throw new MinzhengError('INDEX_UNUSABLE', `corpus folder ${location.corpusDir} does not exist`);
  }
  const target = writableIndexDir(location.indexDir, logger);
  const tokenizer = loadTokenizer(buildDictionaries(writeUserDictionary(target.dir)));
  const started = Date.now();
  const places = loadPlaces();
  const built = buildIndex(location.corpusDir, tokenizer, logger, places);
  if (built.manifest.counts.reports === 0) logger.warn(`no report in ${location.corpusDir} could be served: the server answers with no results until .md or .txt reports are added`);
  writeQueryDictionary(target.dir, built.dictionaryWords);
  if (target.saved) saveIndex(target.dir, built);
  logger.info(
    `indexed ${built.manifest.counts.reports} reports, ${built.manifest.counts.passages} passages in ${Date.now() - started} ms → ${location.indexDir}`,
  );
  return { built, tokenizer, places };
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
    const miniSearch = () => searchIndexOrRebuild(location, loaded.manifest, tokenizer.tokenize, logger);
    return new ReportLibrary({ store: new MemoryStore({ ...loaded, miniSearch }), tokenizer, synonyms: loadSynonyms() });
  } catch (error) {
    logger.warn(`${(error as Error).message}; rebuilding it`);
    return rebuildIndex(location, logger);
  }
}

/**
 * The search index, read when the first search needs it and checked against the manifest the
 * server started with. Damaged → rebuilt from the corpus; if the rebuilt index holds other
 * passages than the ones being served (the corpus changed meanwhile), the server must restart.
 */
function searchIndexOrRebuild(location: IndexLocation, manifest: Manifest, tokenize: (text: string) => string[], logger: Logger): MiniSearch<PassageDocument> {
  try {
    return MiniSearch.loadJSON(readSearchIndex(location.indexDir, manifest), miniSearchOptions(tokenize));
  } catch (error) {
    logger.warn(`the search index in ${location.indexDir} is unusable (${(error as Error).message}); rebuilding it from ${location.corpusDir}`);
  }
  const { built } = buildAndSave(location, logger);
  const sameCorpus = JSON.stringify(corpusHashes(built.manifest)) === JSON.stringify(corpusHashes(manifest)) && built.manifest.counts.passages === manifest.counts.passages;
  if (!sameCorpus) {
    throw new MinzhengError('INDEX_UNUSABLE', `the corpus in ${location.corpusDir} changed while the server ran; restart the server to serve the rebuilt index`);
  }
  return built.miniSearch;
}

function corpusHashes(manifest: Manifest): [string, string][] {
  return Object.entries(manifest.corpus).map(([file, stamp]) => [file, stamp.sha256]);
}

function loadSynonyms(): SynonymTable {
  return new SynonymTable(readSynonymGroups(SYNONYMS_FILE));
}

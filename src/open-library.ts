import fs from 'node:fs';
import path from 'node:path';
import MiniSearch from 'minisearch';
import { MinzhengError } from './errors.js';
import { ReportLibrary } from './library.js';
import type { Logger } from './log.js';
import { reportCorpusNotes } from './search/build.js';
import { codeStaleness, corpusDifferenceInSlices, stalenessReason } from './search/freshness.js';
import { SYNONYMS_FILE, queryDictionaries } from './search/jieba-files.js';
import { miniSearchOptions, type PassageDocument } from './search/options.js';
import { loadIndex, readChecked, readManifest, readSearchIndex, writeManifest } from './search/store.js';
import type { Manifest } from './search/types.js';
import { buildStore, storeForSize } from './store/build-store.js';
import { recoverGenerations } from './store/generation.js';
import { MemoryStore } from './store/memory-store.js';
import { SQLITE_FILE } from './store/sqlite-schema.js';
import { checkStoreAtStart, markDamaged, verifyStoreFile } from './store/sqlite-check.js';
import { SqliteStore } from './store/sqlite-store.js';
import { lazyTokenizer } from './text/lazy-tokenizer.js';
import type { StoreKind } from './store/types.js';
import { readSynonymGroups } from './text/dictionary.js';
import { SynonymTable } from './text/synonyms.js';
import { loadTokenizer } from './text/tokenizer.js';

export interface IndexLocation {
  corpusDir: string;
  indexDir: string;
  /** The store asked for (--store, MINZHENG_STORE); by default the one the index has, or one chosen by corpus size. */
  store?: StoreKind;
}

/** Builds the index of a corpus folder as a new generation of its index folder. */
export function rebuildIndex(location: IndexLocation, logger: Logger, incremental = false): ReportLibrary {
  const kind = location.store ?? storeForSize(location.corpusDir);
  const { store, tokenizer, gazetteer } = buildStore(kind, location, logger, incremental);
  return new ReportLibrary({ store, tokenizer, synonyms: loadSynonyms(), gazetteer });
}

/** The saved index opened, or why it must be (re)built and how. */
export type SavedIndex = { library: ReportLibrary } | { rebuild: string; location: IndexLocation; incremental: boolean };

/**
 * Opens the index of a corpus: the saved one when it matches the corpus, dictionaries, code and
 * the store asked for; otherwise it is rebuilt (a SQLite store incrementally) with the reason on stderr.
 */
export function openLibrary(location: IndexLocation, logger: Logger): ReportLibrary {
  const saved = openSavedIndex(location, logger);
  if ('library' in saved) return saved.library;
  logger.info(`building the index of ${location.corpusDir} (${saved.rebuild})`);
  return rebuildIndex(saved.location, logger, saved.incremental);
}

/**
 * The saved index when it is fresh and opens; otherwise what a build needs (a server builds it
 * after the handshake, start/start-library.ts). Only cheap checks run here: a start must stay fast.
 */
export function openSavedIndex(location: IndexLocation, logger: Logger): SavedIndex {
  recoverGenerations(location.indexDir);
  const manifest = readManifest(location.indexDir);
  const stale = manifest ? startStaleness(manifest, location) : 'no index built yet';
  if (stale) {
    const incremental = manifest !== undefined && canUpdate(manifest, location);
    return { rebuild: stale, location: incremental ? { ...location, store: 'sqlite' } : location, incremental };
  }
  try {
    return { library: manifest!.store === 'sqlite' ? openSqlite(location, manifest!, logger) : openMemory(location, logger) };
  } catch (error) {
    logger.warn(`${(error as Error).message}; rebuilding it`);
    return { rebuild: (error as Error).message, location, incremental: false };
  }
}

/** What a start checks: everything for the MiniSearch store; for the SQLite store one stamp (the corpus folder's), the rest after the handshake. */
function startStaleness(manifest: Manifest, location: IndexLocation): string | undefined {
  const kind = manifest.store ?? 'minisearch';
  if (location.store && location.store !== kind) return `the index is a ${kind} store, ${location.store} was asked for`;
  if (kind !== 'sqlite') return stalenessReason(manifest, location.corpusDir);
  const code = codeStaleness(manifest);
  if (code) return code;
  if (!fs.existsSync(location.corpusDir)) return `corpus folder ${location.corpusDir} does not exist`;
  return fs.statSync(location.corpusDir).mtimeMs === manifest.corpus_folder_mtime_ms ? undefined : 'corpus folder changed';
}

/** A live SQLite store built by this code with these dictionaries is updated, not rebuilt. */
function canUpdate(manifest: Manifest, location: IndexLocation): boolean {
  return manifest.store === 'sqlite' && location.store !== 'minisearch' && !codeStaleness(manifest) && fs.existsSync(path.join(location.indexDir, SQLITE_FILE));
}

function openMemory(location: IndexLocation, logger: Logger): ReportLibrary {
  const loaded = loadIndex(location.indexDir);
  reportCorpusNotes(logger, loaded.manifest);
  const tokenizer = loadTokenizer(queryDictionaries(location.indexDir));
  // A rebuild that found another corpus is not tried again at every search: the answer stays "restart".
  let refusal: Error | undefined;
  const miniSearch = () => {
    if (refusal) throw refusal;
    try {
      return searchIndexOrRebuild(location, loaded.manifest, tokenizer.tokenize, logger);
    } catch (error) {
      refusal = error as Error;
      throw error;
    }
  };
  return new ReportLibrary({ store: new MemoryStore({ ...loaded, miniSearch }), tokenizer, synonyms: loadSynonyms() });
}

/**
 * The SQLite store, opened with its dictionary files checked. Every corpus file is compared with
 * the stamps of the build after the handshake; a difference is said on stderr and makes the next
 * start update the store.
 */
function openSqlite(location: IndexLocation, manifest: Manifest, logger: Logger): ReportLibrary {
  try {
    for (const name of Object.keys(manifest.files ?? {})) readChecked(location.indexDir, manifest, name);
    checkStoreAtStart(path.join(location.indexDir, SQLITE_FILE), manifest);
  } catch (error) {
    throw new MinzhengError('INDEX_UNUSABLE', `index in ${location.indexDir} is unusable: ${(error as Error).message}`);
  }
  reportCorpusNotes(logger, manifest);
  const store = SqliteStore.open(location.indexDir, manifest);
  // jieba's dictionaries are loaded after the handshake (the first search needs them, initialize does not).
  const tokenizer = lazyTokenizer(() => loadTokenizer(queryDictionaries(location.indexDir)));
  const afterHandshake = () => {
    tokenizer.load();
    // Both run between requests; a failure is said, never an unhandled rejection that would end the server.
    const failed = (what: string) => (error: unknown) => logger.warn(`the check of ${what} after the start failed: ${(error as Error).message}`);
    verifyStoreFile(path.join(location.indexDir, SQLITE_FILE), manifest)
      .then((damage) => damage && markDamaged(location.indexDir, manifest, damage, logger))
      .catch(failed(SQLITE_FILE));
    corpusDifferenceInSlices((file) => store.corpusStamp(file), () => store.corpusFiles(), location.corpusDir)
      .then((changed) => {
        if (!changed) return;
        logger.warn(`the corpus changed since the index was built (${changed}): answers come from the index as built until the next start updates it`);
        writeManifest(location.indexDir, { ...manifest, corpus_folder_mtime_ms: -1 });
      })
      .catch(failed(location.corpusDir));
  };
  return new ReportLibrary({ store, tokenizer, synonyms: loadSynonyms(), afterHandshake });
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
  const { store } = buildStore('minisearch', location, logger);
  const sameCorpus = JSON.stringify(corpusHashes(store.manifest)) === JSON.stringify(corpusHashes(manifest)) && store.manifest.counts.passages === manifest.counts.passages;
  if (!sameCorpus || !(store instanceof MemoryStore)) {
    throw new MinzhengError('INDEX_UNUSABLE', `the corpus in ${location.corpusDir} changed while the server ran; restart the server to serve the rebuilt index`);
  }
  return store.miniSearch;
}

function corpusHashes(manifest: Manifest): [string, string][] {
  return Object.entries(manifest.corpus).map(([file, stamp]) => [file, stamp.sha256]);
}

function loadSynonyms(): SynonymTable {
  return new SynonymTable(readSynonymGroups(SYNONYMS_FILE));
}

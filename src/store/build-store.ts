import fs from 'node:fs';
import path from 'node:path';
import { listReportFiles } from '../corpus/load.js';
import { MinzhengError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Gazetteer } from '../places/gazetteer.js';
import { loadPlaces } from '../places/places.js';
import { buildIndex } from '../search/build.js';
import { buildDictionaries, writeQueryDictionary, writeUserDictionary } from '../search/jieba-files.js';
import { saveIndex } from '../search/store.js';
import { loadTokenizer, type Tokenizer } from '../text/tokenizer.js';
import { writeGeneration } from './generation.js';
import { MemoryStore } from './memory-store.js';
import { buildSqliteStore } from './sqlite-build.js';
import { SqliteStore } from './sqlite-store.js';
import type { ReportStore, StoreKind } from './types.js';
import { makeMemoryFolder } from '../start/temp-folders.js';

/**
 * Corpora with more report bytes than this get the SQLite store unless one is asked for: measured
 * (bench/store-side-by-side.mjs), past it MiniSearch's first search takes over ~0.5 s and its
 * memory grows by ~25 MB per MB of text, while SQLite's stay flat.
 */
export const SQLITE_FROM_BYTES = 3 * 1024 * 1024;

export interface StoreLocation {
  corpusDir: string;
  indexDir: string;
}

export interface BuiltStore {
  store: ReportStore;
  /** The tokenizer the store was cut with (full jieba dictionary). */
  tokenizer: Tokenizer;
  gazetteer: Gazetteer;
  /** Where it was written: the index folder, or the temporary folder of an unwritable cache. */
  dir: string;
}

/** The store a corpus gets when none is asked for: by the size of its report files. */
export function storeForSize(corpusDir: string): StoreKind {
  let bytes = 0;
  for (const file of listReportFiles(corpusDir)) {
    try {
      bytes += fs.statSync(path.join(corpusDir, file)).size;
    } catch {
      // an unreadable entry is reported by the build
    }
    if (bytes > SQLITE_FROM_BYTES) return 'sqlite';
  }
  return 'minisearch';
}

/**
 * Builds a store of `kind` as a new generation of the index folder (generation.ts), or, when the
 * folder cannot be written, in a private temporary folder served for this run only. `incremental`:
 * the live SQLite store is updated with the corpus files changed since it was built.
 */
export function buildStore(kind: StoreKind, location: StoreLocation, logger: Logger, incremental = false): BuiltStore {
  if (!fs.existsSync(location.corpusDir)) {
    throw new MinzhengError('INDEX_UNUSABLE', `corpus folder ${location.corpusDir} does not exist`);
  }
  const started = Date.now();
  const places = loadPlaces();
  let tokenizer: Tokenizer | undefined;
  const build = (dir: string, previousDir?: string) => {
    tokenizer = loadTokenizer(buildDictionaries(writeUserDictionary(dir)));
    if (kind === 'sqlite') return { manifest: buildSqliteStore(dir, { corpusDir: location.corpusDir, tokenizer, places, logger, previousDir }) };
    const built = buildIndex(location.corpusDir, tokenizer, logger, places);
    writeQueryDictionary(dir, built.dictionaryWords);
    saveIndex(dir, built);
    return { manifest: built.manifest, built };
  };
  const target = writableIndexDir(location.indexDir, logger);
  const result = target.saved ? writeGeneration(location.indexDir, (dir) => build(dir, incremental ? location.indexDir : undefined)) : build(target.dir);
  const { counts } = result.manifest;
  if (counts.reports === 0) logger.warn(`no report in ${location.corpusDir} could be served: the server answers with no results until .md or .txt reports are added`);
  logger.info(`indexed ${counts.reports} reports, ${counts.passages} passages (${kind} store) in ${Date.now() - started} ms → ${location.indexDir}`);
  const store = result.built ? new MemoryStore(result.built) : SqliteStore.open(target.dir, result.manifest);
  return { store, tokenizer: tokenizer!, gazetteer: places.gazetteer, dir: target.dir };
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

/** Whether generations can be written beside the index folder; otherwise a private temporary folder, served from for this run. */
function writableIndexDir(indexDir: string, logger: Logger): { dir: string; saved: boolean } {
  try {
    const parent = path.dirname(path.resolve(indexDir));
    makeFolders(parent);
    const probe = path.join(parent, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, '');
    fs.rmSync(probe);
    return { dir: indexDir, saved: true };
  } catch (error) {
    logger.warn(
      `cannot write the index cache ${indexDir} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); serving from memory, rebuilt at every start — set MINZHENG_CACHE_DIR to a writable folder`,
    );
    return { dir: makeMemoryFolder(), saved: false };
  }
}

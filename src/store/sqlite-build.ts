import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { listReportFiles, readReports, type LoadedCorpus } from '../corpus/load.js';
import type { Logger } from '../log.js';
import type { Places } from '../places/places.js';
import { reportCorpusNotes } from '../search/build.js';
import { corpusStamps, currentVersions, dictionaryHashes } from '../search/freshness.js';
import { INDEX_DICTIONARY_FILES, QUERY_DICT_NAME, writeQueryDictionary } from '../search/jieba-files.js';
import { fileStamps, writeManifest } from '../search/store.js';
import type { CorpusFileStamp, Manifest } from '../search/types.js';
import { INDEX_FORMAT, PIPELINE_VERSION } from '../search/versions.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { fileSha256 } from './sqlite-check.js';
import { POSTING_CAP, updateImpactLists } from './sqlite-impacts.js';
import { SQLITE_FILE, createStoreFile, openStoreFile } from './sqlite-schema.js';
import { StoreWriter } from './sqlite-writer.js';

/** Reports written per transaction: bounded memory, few commits. */
const REPORTS_PER_TRANSACTION = 200;

export interface SqliteBuildInput {
  corpusDir: string;
  tokenizer: Tokenizer;
  places: Places;
  logger: Logger;
  /** A live SQLite store of the same format, pipeline and dictionaries: only files changed since it are re-indexed. */
  previousDir?: string;
  /** Terms in more passages than this get an impact-ordered list (sqlite-impacts.ts); tests and the bench vary it. */
  postingCap?: number;
}

/**
 * Builds the SQLite store of a corpus into `dir` (a new generation), streaming one report at a
 * time. With `previousDir`, its file is copied and only added, changed and removed corpus files
 * are indexed, removed or replaced.
 */
export function buildSqliteStore(dir: string, input: SqliteBuildInput): Manifest {
  const { corpusDir, tokenizer, places, logger } = input;
  const file = path.join(dir, SQLITE_FILE);
  const folderMtime = fs.statSync(corpusDir).mtimeMs;
  const stamps = corpusStamps(corpusDir);
  let db: Database.Database;
  let previous: Record<string, CorpusFileStamp> = {};
  const words = new Set<string>();
  if (input.previousDir) {
    fs.copyFileSync(path.join(input.previousDir, SQLITE_FILE), file);
    db = openStoreFile(file, { readonly: false });
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    previous = Object.fromEntries((db.prepare('SELECT file, sha256, size, mtime_ms FROM corpus_files').all() as (CorpusFileStamp & { file: string })[]).map(({ file: name, ...stamp }) => [name, stamp]));
    for (const line of fs.readFileSync(path.join(input.previousDir, QUERY_DICT_NAME), 'utf8').split('\n')) words.add(line.split(' ')[0] ?? '');
  } else {
    db = createStoreFile(file);
  }
  const writer = new StoreWriter(db, tokenizer, places);
  // An update keeps the lists' length of the store it updates.
  const postingCap = input.previousDir ? (JSON.parse(fs.readFileSync(path.join(input.previousDir, 'manifest.json'), 'utf8')) as Manifest).posting_cap : input.postingCap;
  const files = listReportFiles(corpusDir);
  const changed = files.filter((name) => previous[name]?.sha256 !== stamps[name]?.sha256);
  const gone = Object.keys(previous).filter((name) => !stamps[name] || changed.includes(name));
  const notes: Omit<LoadedCorpus, 'reports'> = { problems: [], guesses: [], decoded: [] };
  const firstAdded = ((db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1) + 1;
  const docIdOfFile = db.prepare('SELECT doc_id FROM reports WHERE file = ?').pluck();
  db.transaction(() => {
    for (const name of gone) {
      const docId = docIdOfFile.get(name) as string | undefined;
      if (docId) writer.remove(docId);
    }
  })();
  const kept = new Map((db.prepare('SELECT doc_id, file FROM reports').raw().all() as [string, string][]));
  const reports = readReports(places, corpusDir, notes, changed, kept);
  let done = 0;
  for (let batch = true; batch; ) {
    batch = db.transaction(() => {
      for (let i = 0; i < REPORTS_PER_TRANSACTION; i++) {
        const next = reports.next();
        if (next.done) return false;
        writer.add(next.value);
        if (++done % 500 === 0) logger.info(`indexing reports: ${done} of ${changed.length}`);
        logger.progress?.(done, changed.length, 'reports');
      }
      return true;
    })();
  }
  db.transaction(() => {
    writer.finish();
    const lastAdded = (db.prepare('SELECT max(id) AS id FROM passages').get() as { id: number | null }).id ?? -1;
    updateImpactLists(db, writer.touchedTerms, input.previousDir ? [firstAdded, lastAdded] : undefined, postingCap);
    db.prepare('DELETE FROM corpus_files').run();
    const stamp = db.prepare('INSERT INTO corpus_files (file, sha256, size, mtime_ms) VALUES (?, ?, ?, ?)');
    for (const [name, { sha256, size, mtime_ms }] of Object.entries(stamps)) stamp.run(name, sha256, size, mtime_ms);
  })();
  if (!input.previousDir) db.exec("INSERT INTO passage_terms(passage_terms) VALUES('optimize')");
  const manifest = { ...sqliteManifest(db, notes, folderMtime, input.previousDir), posting_cap: postingCap ?? POSTING_CAP };
  db.close();
  for (const word of writer.dictionaryWords) words.add(word);
  writeQueryDictionary(dir, words);
  manifest.files = fileStamps(dir, INDEX_DICTIONARY_FILES);
  manifest.search_index_bytes = fs.statSync(file).size;
  manifest.search_index_sha256 = fileSha256(file);
  writeManifest(dir, manifest);
  reportCorpusNotes(logger, notes);
  logger.info(`${input.previousDir ? `incremental: ${changed.length} corpus file(s) read, ${gone.length} report(s) removed or replaced` : `indexed ${done} reports`} into ${file}`);
  return manifest;
}

function sqliteManifest(db: Database.Database, notes: Omit<LoadedCorpus, 'reports'>, folderMtime: number, previousDir: string | undefined): Manifest {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number | null }).n ?? 0;
  const earlier = previousDir ? (JSON.parse(fs.readFileSync(path.join(previousDir, 'manifest.json'), 'utf8')) as Manifest) : undefined;
  // A file kept from the previous build keeps its problem or guess; the files just read say theirs.
  const readNow = new Set([...notes.problems.map((p) => p.file), ...notes.guesses.map((g) => g.file)]);
  const stillListed = new Set(db.prepare('SELECT file FROM corpus_files').pluck().all() as string[]);
  const kept = <T extends { file: string }>(items: readonly T[] = []) => items.filter((item) => stillListed.has(item.file) && !readNow.has(item.file));
  return {
    format: INDEX_FORMAT,
    pipeline: PIPELINE_VERSION,
    store: 'sqlite',
    built_at: new Date().toISOString(),
    versions: currentVersions(),
    corpus: {},
    corpus_folder_mtime_ms: folderMtime,
    dictionaries: dictionaryHashes(),
    problems: [...kept(earlier?.problems), ...notes.problems],
    guesses: [...kept(earlier?.guesses), ...notes.guesses],
    counts: {
      reports: count('SELECT count(*) AS n FROM reports'),
      passages: count('SELECT count(*) AS n FROM passages'),
      characters: count('SELECT sum(length(text)) AS n FROM report_texts'),
      figures: count('SELECT count(*) AS n FROM figures'),
    },
  };
}

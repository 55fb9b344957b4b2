import fs from 'node:fs';
import path from 'node:path';
import { listReportFiles } from '../corpus/load.js';
import type { ReportLibrary } from '../library.js';
import { sha256 } from '../search/freshness.js';
import { readManifest, writeManifest } from '../search/store.js';
import type { CorpusFileStamp } from '../search/types.js';

/** What a full check found: every corpus file hashed and compared with the index's stamps. */
export interface CorpusCheck {
  files: number;
  bytes: number;
  ms: number;
  /** Files whose content differs from the build's, added or removed ("a.md changed"). */
  differences: string[];
}

/** A stamp's hash for a file the build could not read (freshness.ts). */
const UNREADABLE = 'unreadable';

/**
 * Hashes every corpus file and compares it with what the index was built from. The start only
 * compares sizes and mtimes (hashing the files whose stamp moved): an edit that keeps both is
 * found here. Files are read one at a time without blocking the event loop between them.
 */
export async function checkCorpusContent(library: ReportLibrary, corpusDir: string): Promise<CorpusCheck> {
  const started = performance.now();
  const built = builtStamps(library);
  const files = listReportFiles(corpusDir);
  const differences: string[] = [];
  let bytes = 0;
  for (const file of files) {
    const stamp = built[file];
    if (!stamp) {
      differences.push(`${file} added`);
      continue;
    }
    let hash = UNREADABLE;
    try {
      const content = await fs.promises.readFile(path.join(corpusDir, file));
      bytes += content.length;
      hash = sha256(content);
    } catch {
      // an unreadable file matches a stamp that says so
    }
    if (hash !== stamp.sha256) differences.push(`${file} changed`);
  }
  const present = new Set(files);
  for (const file of Object.keys(built)) if (!present.has(file)) differences.push(`${file} removed`);
  return { files: files.length, bytes, ms: performance.now() - started, differences };
}

/** The stamps the served index was built from: the SQLite store keeps them in a table, MiniSearch's manifest lists them. */
function builtStamps(library: ReportLibrary): Record<string, CorpusFileStamp> {
  const store = library.store as { corpusStampTable?: () => Record<string, CorpusFileStamp> };
  return store.corpusStampTable ? store.corpusStampTable() : library.manifest.corpus;
}

/**
 * Makes the next start rebuild the index from the changed files: their stamps in the saved
 * manifest stop matching (a SQLite store: the folder stamp, which makes the next start compare
 * every file by hash and update the changed ones). Only the manifest of the build being served is
 * touched: a newer build by another process already has the right stamps.
 */
export function markForRebuild(library: ReportLibrary, indexDir: string, differences: readonly string[]): boolean {
  const manifest = readManifest(indexDir);
  if (!manifest || manifest.built_at !== library.manifest.built_at) return false;
  if (manifest.store === 'sqlite') {
    writeManifest(indexDir, { ...manifest, corpus_folder_mtime_ms: -1 });
    return true;
  }
  const corpus = { ...manifest.corpus };
  for (const difference of differences) {
    const file = difference.replace(/ (changed|added|removed)$/, '');
    if (corpus[file]) corpus[file] = { ...corpus[file], mtime_ms: -1 };
  }
  writeManifest(indexDir, { ...manifest, corpus });
  return true;
}

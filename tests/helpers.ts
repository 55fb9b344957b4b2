import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../src/log.js';
import type { ReportLibrary } from '../src/library.js';
import { readConfig } from '../src/config.js';
import { openLibrary, type IndexLocation } from '../src/open-library.js';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR, PACKAGE_ROOT } from '../src/paths.js';

export const SEEDS_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'seeds');
/** What package.json's bin runs: the bundled server. */
export const SERVER_ENTRY = path.join(PACKAGE_ROOT, 'dist', 'server.mjs');

let bundled: ReportLibrary | undefined;

/** The store the tests run against: MINZHENG_STORE=sqlite runs them on the SQLite store (vitest project "sqlite"). */
export const STORE_UNDER_TEST = readConfig([], process.env).store;

/** The bundled corpus as the server opens it: its committed index, or the store under test built in MINZHENG_CACHE_DIR. */
export function bundledLibrary(): ReportLibrary {
  bundled ??= openLibrary(readConfig([], process.env), silentLogger);
  return bundled;
}

/** A corpus and index folder, with the store under test. */
export function storeLocation(corpusDir: string, indexDir: string): IndexLocation {
  return { corpusDir, indexDir, ...(STORE_UNDER_TEST ? { store: STORE_UNDER_TEST } : {}) };
}

export function temporaryDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `minzheng-${prefix}-`));
}

export function readFixture<T>(name: string): T {
  return JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'tests', 'fixtures', name), 'utf8')) as T;
}

/** Removes all white space: the originals wrap lines where the cleaned text does not. */
export function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

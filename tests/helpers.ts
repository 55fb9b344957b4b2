import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { silentLogger } from '../src/log.js';
import type { ReportLibrary } from '../src/library.js';
import { openLibrary } from '../src/open-library.js';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR, PACKAGE_ROOT } from '../src/paths.js';

export const SEEDS_DIR = path.resolve(PACKAGE_ROOT, '..', 'shared', 'seeds');
/** What package.json's bin runs: the bundled server. */
export const SERVER_ENTRY = path.join(PACKAGE_ROOT, 'dist', 'server.mjs');

let bundled: ReportLibrary | undefined;

/** The bundled corpus through its committed index, as the server opens it. */
export function bundledLibrary(): ReportLibrary {
  bundled ??= openLibrary({ corpusDir: BUNDLED_CORPUS_DIR, indexDir: BUNDLED_INDEX_DIR }, silentLogger);
  return bundled;
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

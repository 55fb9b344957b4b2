import fs from 'node:fs';
import path from 'node:path';
import { isMinzhengError } from '../errors.js';
import type { Places } from '../places/places.js';
import { resolvePlace } from '../places/resolve.js';
import { cleanReportText } from './clean.js';
import { decodeReport } from './decode.js';
import { META_KEYS, parseFrontMatter } from './front-matter.js';
import { readHeadline } from './headline.js';
import { docIdFor, inferMetadata, placeFields } from './infer.js';
import type { CorpusProblem, PlaceGuess, Report, ReportMeta } from './types.js';

/** Files a corpus folder may hold; anything else (README, hidden files, temp files) is not a report. */
const REPORT_FILE = /^(?!\.)(?!readme\.)[^/]+\.(md|txt)$/i;
/** Larger files are refused: indexing one would hold the server's start for minutes. */
export const MAX_REPORT_BYTES = 20 * 1024 * 1024;
/** doc_ids become file names and resource URIs: letters (Chinese too), digits, - _ and inner dots. */
const DOC_ID = /^[\p{L}\p{N}][\p{L}\p{N}_.-]{0,119}$/u;

export function isValidDocId(docId: string): boolean {
  return DOC_ID.test(docId) && !docId.includes('..');
}

/** Every entry named like a report (regular or not: what cannot be read is reported, not hidden). */
export function listReportFiles(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => REPORT_FILE.test(name))
    .sort();
}

/** The bytes of one corpus entry, or why it cannot be a report (symbolic links, folders, fifos, size, permissions). */
export function readCorpusEntry(dir: string, name: string): { bytes: Buffer } | { reason: string } {
  const file = path.join(dir, name);
  try {
    const link = fs.lstatSync(file);
    if (link.isSymbolicLink()) {
      const target = fs.realpathSync(file);
      const folder = fs.realpathSync(dir);
      if (path.dirname(target) !== folder && !target.startsWith(folder + path.sep)) return { reason: `a symbolic link to ${target}, outside the corpus folder: copy the file in instead` };
      if (path.dirname(target) === folder && REPORT_FILE.test(path.basename(target))) return { reason: `a symbolic link to ${path.basename(target)}, which is served already` };
    }
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { reason: `not a regular file (${stat.isDirectory() ? 'a folder' : stat.isFIFO() ? 'a fifo' : 'a special file'})` };
    if (stat.size > MAX_REPORT_BYTES) return { reason: `too large (${(stat.size / 1048576).toFixed(1)} MB; the limit is ${MAX_REPORT_BYTES / 1048576} MB): split it into several reports` };
    return { bytes: fs.readFileSync(file) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { reason: `cannot read it (${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'a broken link or removed while reading' : (error as Error).message})` };
  }
}

export type ReadResult = { report: Report; guess?: PlaceGuess } | CorpusProblem;

/** Reads one corpus file into a report, or says why it cannot be used. */
export function readReport(places: Places, fileName: string, content: string): ReadResult {
  if (content.includes('\u0000')) return { file: fileName, reason: 'binary file (contains NUL bytes)' };
  const { fields, body } = parseFrontMatter(content);
  if (!fields && /^\uFEFF?---\r?\n/.test(content)) return { file: fileName, reason: 'its header opens with --- but is never closed by a --- line' };
  const text = cleanReportText(body);
  if (text.trim() === '') return { file: fileName, reason: 'no text after the header' };
  if (!fields) {
    const inferred = inferMetadata(places, fileName, text, body);
    if ('reason' in inferred) return { file: fileName, reason: inferred.reason };
    if (!isValidDocId(inferred.meta.doc_id)) return { file: fileName, reason: `its name gives no usable doc_id ("${inferred.meta.doc_id}"): rename it with letters or digits first` };
    return { report: { meta: inferred.meta, text, file: fileName }, guess: inferred.guess };
  }
  if (!fields.place) return { file: fileName, reason: 'front matter lacks place' };
  const meta = headerMeta(places, fileName, fields, body);
  if (!isValidDocId(meta.doc_id)) {
    return { file: fileName, reason: `doc_id "${meta.doc_id}" is not allowed: use letters (Chinese too), digits, - _ and inner dots` };
  }
  return { report: { meta, text, file: fileName } };
}

/**
 * The header's fields win; the gazetteer adds what it leaves out (code, province, level) and
 * writes the place by its full name. A header place the gazetteer does not know is kept as written.
 */
function headerMeta(places: Places, fileName: string, fields: Record<string, string>, page: string): ReportMeta {
  const known = headerPlace(places, fields);
  const fromGazetteer = known ? placeFields(places, known) : undefined;
  const headline = fields.title && fields.published ? undefined : readHeadline(page);
  const defaults: Record<string, string> = {
    doc_id: docIdFor(fileName),
    place_id: fromGazetteer?.place_id ?? fields.place!.replace(/(市|县|区)$/, ''),
    title: headline?.title ?? '',
    published: headline?.published ?? '',
    original: fileName,
  };
  const meta = Object.fromEntries(META_KEYS.map((key) => [key, fields[key] || defaults[key] || ''])) as unknown as ReportMeta;
  if (fromGazetteer) {
    // The header chose the place; the gazetteer writes it, its code, province and level by their full names.
    const { place, place_code, province, level } = fromGazetteer;
    Object.assign(meta, { place, place_code, province, level });
  }
  return meta;
}

function headerPlace(places: Places, fields: Record<string, string>) {
  const within = fields.province ? tryResolve(places, fields.province) : undefined;
  return tryResolve(places, fields.place!, within);
}

function tryResolve(places: Places, name: string, within?: ReturnType<typeof resolvePlace>) {
  try {
    return resolvePlace(places.gazetteer, name, within ? { within } : {});
  } catch (error) {
    if (isMinzhengError(error)) return undefined;
    throw error;
  }
}

export interface LoadedCorpus {
  reports: Report[];
  problems: CorpusProblem[];
  /** Places chosen for files without a header. */
  guesses: PlaceGuess[];
  /** Files read in an encoding other than UTF-8, and which. */
  decoded: { file: string; encoding: string }[];
}

/** Loads every report in a folder; unusable files are reported, never fatal. */
export function loadCorpus(places: Places, dir: string): LoadedCorpus {
  const loaded: LoadedCorpus = { reports: [], problems: [], guesses: [], decoded: [] };
  for (const item of readReports(places, dir, loaded)) loaded.reports.push(item);
  return loaded;
}

/**
 * The reports of a folder one at a time (a build of a large corpus never holds them all);
 * unusable files and clashing doc_ids go to `notes.problems`, guessed places to `notes.guesses`.
 */
export function* readReports(
  places: Places,
  dir: string,
  notes: Omit<LoadedCorpus, 'reports'>,
  files: readonly string[] = listReportFiles(dir),
  /** doc_id → file of reports already indexed (an incremental build): a new file may not reuse them. */
  seenIds = new Map<string, string>(),
): Generator<Report> {
  for (const fileName of files) {
    const result = readOne(places, dir, fileName, notes.decoded);
    if (!('report' in result)) {
      notes.problems.push(result);
      continue;
    }
    const { report, guess } = result;
    const clash = seenIds.get(report.meta.doc_id);
    if (clash) {
      notes.problems.push({ file: fileName, reason: `doc_id "${report.meta.doc_id}" is already used by ${clash}` });
      continue;
    }
    seenIds.set(report.meta.doc_id, fileName);
    if (guess) notes.guesses.push(guess);
    yield report;
  }
}

function readOne(places: Places, dir: string, fileName: string, decoded: LoadedCorpus['decoded']): ReadResult {
  const entry = readCorpusEntry(dir, fileName);
  if ('reason' in entry) return { file: fileName, reason: entry.reason };
  const text = decodeReport(entry.bytes);
  if ('reason' in text) return { file: fileName, reason: text.reason };
  if (text.encoding !== 'UTF-8') decoded.push({ file: fileName, encoding: text.encoding });
  try {
    return readReport(places, fileName, text.text);
  } catch (error) {
    return { file: fileName, reason: `cannot be read as a report: ${(error as Error).message}` };
  }
}

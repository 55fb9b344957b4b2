import fs from 'node:fs';
import path from 'node:path';
import { isMinzhengError } from '../errors.js';
import type { Places } from '../places/places.js';
import { resolvePlace } from '../places/resolve.js';
import { cleanReportText } from './clean.js';
import { META_KEYS, parseFrontMatter } from './front-matter.js';
import { readHeadline } from './headline.js';
import { docIdFor, inferMetadata, placeFields } from './infer.js';
import type { CorpusProblem, PlaceGuess, Report, ReportMeta } from './types.js';

/** Files a corpus folder may hold; anything else (README, hidden files) is not a report. */
const REPORT_FILE = /^(?!\.)(?!readme\.)[^/]+\.(md|txt)$/i;

export function listReportFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && REPORT_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

export type ReadResult = { report: Report; guess?: PlaceGuess } | CorpusProblem;

/** Reads one corpus file into a report, or says why it cannot be used. */
export function readReport(places: Places, fileName: string, content: string): ReadResult {
  if (content.includes('\u0000')) return { file: fileName, reason: 'binary file (contains NUL bytes)' };
  const { fields, body } = parseFrontMatter(content);
  const text = cleanReportText(body);
  if (text.trim() === '') return { file: fileName, reason: 'no text after the header' };
  if (!fields) {
    const inferred = inferMetadata(places, fileName, text, body);
    return 'reason' in inferred ? { file: fileName, reason: inferred.reason } : { report: { meta: inferred.meta, text, file: fileName }, guess: inferred.guess };
  }
  if (!fields.place) return { file: fileName, reason: 'front matter lacks place' };
  return { report: { meta: headerMeta(places, fileName, fields, body), text, file: fileName } };
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
    place_code: fromGazetteer?.place_code ?? '',
    province: fromGazetteer?.province ?? '',
    level: fromGazetteer?.level ?? '',
    title: headline?.title ?? '',
    published: headline?.published ?? '',
    original: fileName,
  };
  const meta = Object.fromEntries(META_KEYS.map((key) => [key, fields[key] || defaults[key] || ''])) as unknown as ReportMeta;
  if (fromGazetteer) {
    meta.place = fromGazetteer.place;
    meta.place_code = fromGazetteer.place_code;
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
}

/** Loads every report in a folder; unusable files are reported, never fatal. */
export function loadCorpus(places: Places, dir: string): LoadedCorpus {
  const reports: Report[] = [];
  const problems: CorpusProblem[] = [];
  const guesses: PlaceGuess[] = [];
  const seenIds = new Map<string, string>();
  for (const fileName of listReportFiles(dir)) {
    let result: ReadResult;
    try {
      result = readReport(places, fileName, fs.readFileSync(path.join(dir, fileName), 'utf8'));
    } catch (error) {
      result = { file: fileName, reason: `cannot read: ${(error as Error).message}` };
    }
    if (!('report' in result)) {
      problems.push(result);
      continue;
    }
    const { report, guess } = result;
    const clash = seenIds.get(report.meta.doc_id);
    if (clash) {
      problems.push({ file: fileName, reason: `doc_id "${report.meta.doc_id}" is already used by ${clash}` });
      continue;
    }
    seenIds.set(report.meta.doc_id, fileName);
    reports.push(report);
    if (guess) guesses.push(guess);
  }
  return { reports, problems, guesses };
}

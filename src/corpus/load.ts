import fs from 'node:fs';
import path from 'node:path';
import { cleanReportText } from './clean.js';
import { META_KEYS, parseFrontMatter } from './front-matter.js';
import { inferMetadata } from './infer.js';
import type { CorpusProblem, Report, ReportMeta } from './types.js';

/** Files a corpus folder may hold; anything else (README, hidden files) is not a report. */
const REPORT_FILE = /^(?!\.)(?!readme\.)[^/]+\.(md|txt)$/i;
const REQUIRED_KEYS: readonly (keyof ReportMeta)[] = ['place'];

export function listReportFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && REPORT_FILE.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Reads one corpus file into a report, or says why it cannot be used. */
export function readReport(fileName: string, content: string): Report | CorpusProblem {
  if (content.includes('\u0000')) return { file: fileName, reason: 'binary file (contains NUL bytes)' };
  const { fields, body } = parseFrontMatter(content);
  const text = cleanReportText(body);
  if (text.trim() === '') return { file: fileName, reason: 'no text after the header' };
  if (!fields) {
    const inferred = inferMetadata(fileName, text);
    return 'reason' in inferred ? { file: fileName, reason: inferred.reason } : { meta: inferred.meta, text, file: fileName };
  }
  const missing = REQUIRED_KEYS.filter((key) => !fields[key]);
  if (missing.length > 0) return { file: fileName, reason: `front matter lacks ${missing.join(', ')}` };
  const inferredDefaults = inferMetadata(fileName, text);
  const defaults = 'meta' in inferredDefaults ? inferredDefaults.meta : undefined;
  const meta = Object.fromEntries(
    META_KEYS.map((key) => [key, fields[key] ?? defaultFor(key, fileName, fields, defaults)]),
  ) as unknown as ReportMeta;
  return { meta, text, file: fileName };
}

function defaultFor(
  key: keyof ReportMeta,
  fileName: string,
  fields: Record<string, string>,
  inferred: ReportMeta | undefined,
): string {
  const place = fields.place ?? '';
  switch (key) {
    case 'doc_id':
      return path.basename(fileName, path.extname(fileName));
    case 'place_id':
      return place.replace(/(市|县|区)$/, '') || place;
    case 'original':
      return fileName;
    default:
      return inferred?.[key] ?? '';
  }
}

export interface LoadedCorpus {
  reports: Report[];
  problems: CorpusProblem[];
}

/** Loads every report in a folder; unusable files are reported, never fatal. */
export function loadCorpus(dir: string): LoadedCorpus {
  const reports: Report[] = [];
  const problems: CorpusProblem[] = [];
  const seenIds = new Map<string, string>();
  for (const fileName of listReportFiles(dir)) {
    let result: Report | CorpusProblem;
    try {
      result = readReport(fileName, fs.readFileSync(path.join(dir, fileName), 'utf8'));
    } catch (error) {
      result = { file: fileName, reason: `cannot read: ${(error as Error).message}` };
    }
    if (!('meta' in result)) {
      problems.push(result);
      continue;
    }
    const clash = seenIds.get(result.meta.doc_id);
    if (clash) {
      problems.push({ file: fileName, reason: `doc_id "${result.meta.doc_id}" is already used by ${clash}` });
      continue;
    }
    seenIds.set(result.meta.doc_id, fileName);
    reports.push(result);
  }
  return { reports, problems };
}

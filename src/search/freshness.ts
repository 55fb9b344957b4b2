import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { listReportFiles } from '../corpus/load.js';
import { TERMS_FILE } from './jieba-files.js';
import type { CorpusFileStamp, Manifest } from './types.js';
import { INDEX_FORMAT, PIPELINE_VERSION, gazetteerVersion, packageVersion } from './versions.js';

export function sha256(content: string | Buffer): string {
  return crypto.createHash('sha256').update(content).digest('hex');
}

export function corpusStamps(corpusDir: string): Record<string, CorpusFileStamp> {
  return Object.fromEntries(listReportFiles(corpusDir).map((file) => [file, stampOf(path.join(corpusDir, file))]));
}

/** A file that cannot be read or hashed still gets a stamp, so that one bad file stops nothing. */
const UNREADABLE = 'unreadable';

/** A regular file's stat when this process may read it, else undefined. */
function readableFileStat(file: string): fs.Stats | undefined {
  try {
    fs.accessSync(file, fs.constants.R_OK);
    const stat = fs.statSync(file);
    return stat.isFile() ? stat : undefined;
  } catch {
    return undefined;
  }
}

function stampOf(file: string): CorpusFileStamp {
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) return { sha256: UNREADABLE, size: -1, mtime_ms: stat.mtimeMs };
    return { sha256: sha256(fs.readFileSync(file)), size: stat.size, mtime_ms: stat.mtimeMs };
  } catch {
    return { sha256: UNREADABLE, size: -1, mtime_ms: -1 };
  }
}

export function dictionaryHashes(): Record<string, string> {
  return { 'terms.txt': sha256(fs.readFileSync(TERMS_FILE)) };
}

export function currentVersions(): Manifest['versions'] {
  return { minisearch: packageVersion('minisearch'), nodejieba: packageVersion('nodejieba'), gazetteer: gazetteerVersion(), 'opencc-js': packageVersion('opencc-js') };
}

/** Why an index no longer matches its corpus, dictionaries or code; undefined when it does. */
export function stalenessReason(manifest: Manifest, corpusDir: string): string | undefined {
  return codeStaleness(manifest) ?? corpusDifference(manifest.corpus, corpusDir);
}

/** Why an index no longer matches the code and dictionaries that read it (format, pipeline, libraries, terms.txt). */
export function codeStaleness(manifest: Manifest): string | undefined {
  if (manifest.format !== INDEX_FORMAT) return `index format ${manifest.format}, expected ${INDEX_FORMAT}`;
  if (manifest.pipeline !== PIPELINE_VERSION) return `built by pipeline ${manifest.pipeline}, expected ${PIPELINE_VERSION}`;
  const versions = currentVersions();
  for (const [name, version] of Object.entries(versions)) {
    const built = manifest.versions[name as keyof Manifest['versions']];
    if (built !== version) return `built with ${name} ${built}, installed ${version}`;
  }
  const dictionaries = dictionaryHashes();
  for (const [name, hash] of Object.entries(dictionaries)) {
    if (manifest.dictionaries[name] !== hash) return `dictionary ${name} changed`;
  }
  return undefined;
}

/** The first difference between the corpus files and the stamps of the build, or undefined when there is none. */
export function corpusDifference(built: Record<string, CorpusFileStamp>, corpusDir: string): string | undefined {
  const steps = differenceSteps((file) => built[file], () => Object.keys(built), corpusDir);
  for (let step = steps.next(); ; step = steps.next()) if (step.done) return step.value;
}

/**
 * The same, one file per step between which a server answers requests: a large corpus's check
 * after the handshake does not hold the event loop. `stampOf` reads one file's stamp.
 */
export async function corpusDifferenceInSlices(stampOf: (file: string) => CorpusFileStamp | undefined, builtFiles: () => string[], corpusDir: string, filesPerSlice = 500): Promise<string | undefined> {
  const steps = differenceSteps(stampOf, builtFiles, corpusDir);
  // Not at once: a request already waiting (the first search, sent with the handshake's end) goes
  // first. Listing the corpus folder is the first slice's cost: ~70 ms at 10 000× (50 000 files).
  await new Promise((resolve) => setImmediate(resolve));
  for (let n = 1; ; n++) {
    const step = steps.next();
    if (step.done) return step.value;
    if (n % filesPerSlice === 0) await new Promise((resolve) => setImmediate(resolve));
  }
}

function* differenceSteps(stampOfFile: (file: string) => CorpusFileStamp | undefined, builtFiles: () => string[], corpusDir: string): Generator<void, string | undefined> {
  const files = listReportFiles(corpusDir);
  for (const file of files) {
    yield;
    const stamp = stampOfFile(file);
    if (!stamp) return `new corpus file ${file}`;
    const fullPath = path.join(corpusDir, file);
    // An unreadable file is tried again at every start: fixing its permissions is a change.
    const stat = readableFileStat(fullPath);
    if (stamp.sha256 === UNREADABLE || !stat) {
      if (stat || stamp.sha256 !== UNREADABLE) return `corpus file ${file} changed`;
      continue;
    }
    if (stat.size === stamp.size && stat.mtimeMs === stamp.mtime_ms) continue;
    if (stampOf(fullPath).sha256 !== stamp.sha256) return `corpus file ${file} changed`;
  }
  // Every listed file has a stamp: one was removed when the build had more.
  const built = builtFiles();
  if (built.length === files.length) return undefined;
  const present = new Set(files);
  const removed = built.find((file) => !present.has(file));
  return removed ? `corpus file ${removed} was removed` : undefined;
}

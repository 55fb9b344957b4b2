import fs from 'node:fs';
import path from 'node:path';
import { passageId } from '../corpus/passages.js';
import type { Passage, Report } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import { MinzhengError } from '../errors.js';
import type { BuiltIndex } from './build.js';
import { INDEX_DICTIONARY_FILES } from './jieba-files.js';
import { sha256 } from './freshness.js';
import type { LoadedIndex, Manifest, TermStats } from './types.js';

const FILES = {
  manifest: 'manifest.json',
  reports: 'reports.json',
  passages: 'passages.json',
  search: 'search-index.json',
  figures: 'figures.json',
  termStats: 'term-stats.json',
} as const;

/** Passages are stored as offsets per report; their text is the report's text between them. */
type StoredPassages = Record<string, [number, number][]>;

/**
 * Writes the MiniSearch store into a new generation's folder (store/generation.ts makes it live
 * only once complete), the manifest last.
 */
export function saveIndex(indexDir: string, index: BuiltIndex): void {
  const write = (name: string, content: string) => fs.writeFileSync(path.join(indexDir, name), content);
  const storedPassages: StoredPassages = {};
  for (const passage of index.passages) {
    (storedPassages[passage.doc_id] ??= []).push([passage.start, passage.end]);
  }
  write(FILES.reports, JSON.stringify(index.reports, null, 1));
  write(FILES.passages, JSON.stringify(storedPassages));
  write(FILES.termStats, JSON.stringify(index.termStats));
  const searchJson = JSON.stringify(index.miniSearch);
  write(FILES.search, searchJson);
  index.manifest.search_index_bytes = Buffer.byteLength(searchJson);
  // One figure per line: readable and diffable.
  write(FILES.figures, `[\n${index.figures.map((figure) => JSON.stringify(figure)).join(',\n')}\n]\n`);
  index.manifest.files = fileStamps(indexDir, [...Object.values(FILES).filter((name) => name !== FILES.manifest), ...INDEX_DICTIONARY_FILES]);
  writeManifest(indexDir, index.manifest);
}

/** Size and sha256 of files of an index folder, for the manifest. */
export function fileStamps(indexDir: string, names: readonly string[]): Record<string, { bytes: number; sha256: string }> {
  return Object.fromEntries(
    names.map((name) => {
      const content = fs.readFileSync(path.join(indexDir, name));
      return [name, { bytes: content.length, sha256: sha256(content) }];
    }),
  );
}

/** Written whole or not at all (temporary file, then rename): a live store's manifest may be rewritten (open-library.ts). */
export function writeManifest(indexDir: string, manifest: Manifest): void {
  const file = path.join(indexDir, FILES.manifest);
  fs.writeFileSync(`${file}.${process.pid}.tmp`, JSON.stringify(manifest, null, 2) + '\n');
  fs.renameSync(`${file}.${process.pid}.tmp`, file);
}

export function readManifest(indexDir: string): Manifest | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(indexDir, FILES.manifest), 'utf8')) as Manifest;
  } catch {
    return undefined;
  }
}

/**
 * Reads one index file and checks it against the manifest (size, then sha256): a damaged or
 * edited file is found here, before anything in it is served.
 */
export function readChecked(indexDir: string, manifest: Manifest, name: string): Buffer {
  const expected = manifest.files?.[name];
  if (!expected) throw new Error(`the manifest has no checksum for ${name}`);
  const content = fs.readFileSync(path.join(indexDir, name));
  if (content.length !== expected.bytes) throw new Error(`${name} has ${content.length} bytes, the manifest says ${expected.bytes}`);
  if (sha256(content) !== expected.sha256) throw new Error(`${name} does not match its checksum`);
  return content;
}

/** Checks a file the server reads later (the search index): its size now, its checksum when read. */
export function checkSize(indexDir: string, manifest: Manifest, name: string): void {
  const expected = manifest.files?.[name];
  if (!expected) throw new Error(`the manifest has no checksum for ${name}`);
  const size = fs.statSync(path.join(indexDir, name)).size;
  if (size !== expected.bytes) throw new Error(`${name} has ${size} bytes, the manifest says ${expected.bytes}`);
}

/** Reads the search index and checks it against the manifest: a file replaced or damaged since the start is refused. */
export function readSearchIndex(indexDir: string, manifest: Manifest): string {
  return readChecked(indexDir, manifest, FILES.search).toString('utf8');
}

/** Loads an index folder; throws INDEX_UNUSABLE naming what is wrong. */
export function loadIndex(indexDir: string): LoadedIndex {
  const manifest = readManifest(indexDir);
  if (!manifest) throw new MinzhengError('INDEX_UNUSABLE', `no readable manifest in ${indexDir}`);
  try {
    const json = <T>(name: string) => JSON.parse(readChecked(indexDir, manifest, name).toString('utf8')) as T;
    const reports = json<Report[]>(FILES.reports);
    const stored = json<StoredPassages>(FILES.passages);
    const figures = json<Figure[]>(FILES.figures);
    const termStats = json<TermStats>(FILES.termStats);
    checkSize(indexDir, manifest, FILES.search);
    for (const name of INDEX_DICTIONARY_FILES) readChecked(indexDir, manifest, name);
    return { manifest, reports, passages: expandPassages(reports, stored), figures, termStats, searchIndexFile: path.join(indexDir, FILES.search) };
  } catch (error) {
    throw new MinzhengError('INDEX_UNUSABLE', `index in ${indexDir} is unusable: ${(error as Error).message}`);
  }
}

function expandPassages(reports: readonly Report[], stored: StoredPassages): Passage[] {
  return reports.flatMap((report) =>
    (stored[report.meta.doc_id] ?? []).map(([start, end], ordinal) => ({
      passage_id: passageId(report.meta.doc_id, ordinal),
      doc_id: report.meta.doc_id,
      ordinal,
      start,
      end,
      text: report.text.slice(start, end),
    })),
  );
}

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
 * Writes an index folder. The manifest is removed first and written last, so an interrupted
 * write leaves a folder that is detected as unreadable rather than one that looks fresh.
 */
export function saveIndex(indexDir: string, index: BuiltIndex): void {
  fs.mkdirSync(indexDir, { recursive: true });
  fs.rmSync(path.join(indexDir, FILES.manifest), { force: true });
  // Temporary files of a save that was killed: everything is written anew below.
  for (const name of fs.readdirSync(indexDir)) {
    const writer = /\.(\d+)\.tmp$/.exec(name)?.[1];
    if (writer !== undefined && !isAlive(Number(writer))) fs.rmSync(path.join(indexDir, name), { force: true });
  }
  const storedPassages: StoredPassages = {};
  for (const passage of index.passages) {
    (storedPassages[passage.doc_id] ??= []).push([passage.start, passage.end]);
  }
  writeAtomically(path.join(indexDir, FILES.reports), JSON.stringify(index.reports, null, 1));
  writeAtomically(path.join(indexDir, FILES.passages), JSON.stringify(storedPassages));
  writeAtomically(path.join(indexDir, FILES.termStats), JSON.stringify(index.termStats));
  const searchJson = JSON.stringify(index.miniSearch);
  writeAtomically(path.join(indexDir, FILES.search), searchJson);
  index.manifest.search_index_bytes = Buffer.byteLength(searchJson);
  // One figure per line: readable and diffable.
  writeAtomically(path.join(indexDir, FILES.figures), `[\n${index.figures.map((figure) => JSON.stringify(figure)).join(',\n')}\n]\n`);
  index.manifest.files = Object.fromEntries(
    [...Object.values(FILES).filter((name) => name !== FILES.manifest), ...INDEX_DICTIONARY_FILES].map((name) => {
      const content = fs.readFileSync(path.join(indexDir, name));
      return [name, { bytes: content.length, sha256: sha256(content) }];
    }),
  );
  writeAtomically(path.join(indexDir, FILES.manifest), JSON.stringify(index.manifest, null, 2) + '\n');
}

/** Whether the process that wrote a temporary file still runs (another server may be building into the same cache). */
function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function writeAtomically(file: string, content: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, content);
  fs.renameSync(temporary, file);
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
function readChecked(indexDir: string, manifest: Manifest, name: string): Buffer {
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

import fs from 'node:fs';
import path from 'node:path';
import { passageId } from '../corpus/passages.js';
import type { Passage, Report } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import { MinzhengError } from '../errors.js';
import type { BuiltIndex } from './build.js';
import { QUERY_DICT_NAME, USER_DICT_NAME } from './jieba-files.js';
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
  writeAtomically(path.join(indexDir, FILES.manifest), JSON.stringify(index.manifest, null, 2) + '\n');
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

/** Loads an index folder; throws INDEX_UNUSABLE naming what is wrong. */
export function loadIndex(indexDir: string): LoadedIndex {
  const manifest = readManifest(indexDir);
  if (!manifest) throw new MinzhengError('INDEX_UNUSABLE', `no readable manifest in ${indexDir}`);
  try {
    const reports = JSON.parse(fs.readFileSync(path.join(indexDir, FILES.reports), 'utf8')) as Report[];
    const stored = JSON.parse(fs.readFileSync(path.join(indexDir, FILES.passages), 'utf8')) as StoredPassages;
    const searchIndexFile = path.join(indexDir, FILES.search);
    const searchBytes = fs.existsSync(searchIndexFile) ? fs.statSync(searchIndexFile).size : undefined;
    if (searchBytes === undefined) throw new Error(`${FILES.search} is missing`);
    if (searchBytes !== manifest.search_index_bytes) throw new Error(`${FILES.search} is not the one the manifest describes`);
    const figures = JSON.parse(fs.readFileSync(path.join(indexDir, FILES.figures), 'utf8')) as Figure[];
    const termStats = JSON.parse(fs.readFileSync(path.join(indexDir, FILES.termStats), 'utf8')) as TermStats;
    for (const name of [USER_DICT_NAME, QUERY_DICT_NAME]) {
      if (!fs.existsSync(path.join(indexDir, name))) throw new Error(`${name} is missing`);
    }
    return { manifest, reports, passages: expandPassages(reports, stored), figures, termStats, searchIndexFile };
  } catch (error) {
    throw new MinzhengError('INDEX_UNUSABLE', `index in ${indexDir} is unreadable: ${(error as Error).message}`);
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

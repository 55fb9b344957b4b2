import type { Passage, PlaceGuess, Report } from '../corpus/types.js';
import type { Figure } from '../indicators/types.js';
import type { StoreKind } from '../store/types.js';

export interface CorpusFileStamp {
  sha256: string;
  size: number;
  mtime_ms: number;
}

/** Document frequency of every index term, for query planning. */
export interface TermStats {
  passages: number;
  documentFrequency: Record<string, number>;
}

export interface Manifest {
  format: number;
  pipeline: number;
  /** Which store holds the index (absent: minisearch, as before stores were chosen). */
  store?: StoreKind;
  /** SQLite store: the corpus folder's mtime when built, the one stamp a start checks (file stamps are a table of the store). */
  corpus_folder_mtime_ms?: number;
  /** SQLite store: terms in more passages than this have an impact-ordered list of that many postings. */
  posting_cap?: number;
  built_at: string;
  versions: { minisearch: string; nodejieba: string; gazetteer?: string; 'opencc-js'?: string };
  /** Every corpus file by base name (MiniSearch store; the SQLite store keeps them in its corpus_files table): its sha256, and the size and mtime that let a start skip hashing it. */
  corpus: Record<string, CorpusFileStamp>;
  /** sha256 of the dictionaries the index was cut with. */
  dictionaries: Record<string, string>;
  problems: { file: string; reason: string }[];
  /** Places chosen for files without a header (said again at every start). */
  guesses?: PlaceGuess[];
  /** Size of search-index.json (or store.sqlite): it is read only at the first search, so a start checks its size. */
  search_index_bytes?: number;
  /** SQLite store: sha256 of store.sqlite (checked at the start when small, after the handshake otherwise: store/sqlite-check.ts). */
  search_index_sha256?: string;
  /** Every file of the index folder with its size and sha256: damage is found at load, not served. */
  files?: Record<string, { bytes: number; sha256: string }>;
  counts: { reports: number; passages: number; characters: number; figures: number };
}

/** Everything the server needs at run time, as loaded from an index folder. */
export interface LoadedIndex {
  manifest: Manifest;
  reports: Report[];
  passages: Passage[];
  termStats: TermStats;
  /** Indicator figures extracted at build time, each with its citation. */
  figures: Figure[];
  /** MiniSearch's serialised index (JSON), read when the first search needs it. */
  searchIndexFile: string;
}

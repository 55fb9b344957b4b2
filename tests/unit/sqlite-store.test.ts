import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readConfig } from '../../src/config.js';
import { ReportLibrary } from '../../src/library.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { openLibrary, rebuildIndex, type IndexLocation } from '../../src/open-library.js';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR } from '../../src/paths.js';
import { loadPlaces } from '../../src/places/places.js';
import { buildDictionaries, writeUserDictionary } from '../../src/search/jieba-files.js';
import { readManifest } from '../../src/search/store.js';
import { HASH_AT_START_BYTES, markDamaged, verifyStoreFile } from '../../src/store/sqlite-check.js';
import { SQLITE_FILE } from '../../src/store/sqlite-schema.js';
import { buildSqliteStore } from '../../src/store/sqlite-build.js';
import { SqliteStore } from '../../src/store/sqlite-store.js';
import { readSynonymGroups } from '../../src/text/dictionary.js';
import { SynonymTable } from '../../src/text/synonyms.js';
import { SYNONYMS_FILE } from '../../src/search/jieba-files.js';
import { loadTokenizer } from '../../src/text/tokenizer.js';
import { temporaryDir } from '../helpers.js';

const QUERIES = ['许昌 低保标准', '养老床位', '福利彩票 公益金', '社会组织 登记', '孤儿 基本生活费 2022', '持证社会工作者 多少人'];
const FILTERS = [{}, { places: ['许昌市'] }, { places: ['镇江市', '鹤壁市'] }, { publishedFrom: 2022 }, { publishedTo: 2021, places: ['许昌市'] }];

function copyCorpus(except: string[] = []): string {
  const dir = temporaryDir('sq-corpus');
  for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR).filter((name) => !except.includes(name))) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(dir, file));
  return dir;
}

function location(corpusDir: string, store: 'minisearch' | 'sqlite'): IndexLocation {
  return { corpusDir, indexDir: path.join(temporaryDir('sq-cache'), 'index'), store };
}

/** Everything the tools read, in a form two stores can be compared by. */
function everything(library: ReportLibrary) {
  return {
    searches: QUERIES.flatMap((query) => FILTERS.map((filters) => library.searchPassages({ query, limit: 8, ...filters }).map((hit) => `${hit.passage.passage_id} ${hit.score.toFixed(9)} ${hit.report.meta.place}`))),
    topics: [...library.bestPassagePerPlace('智慧养老', library.places.places.map((place) => place.name))].map(([place, hit]) => `${place} ${hit.passage.passage_id}`),
    reports: library.reports.map(({ meta, file }) => JSON.stringify({ meta, file, text: library.getReport(meta.doc_id).text })).sort(),
    passages: library.reports.flatMap(({ meta }) => library.passagesOf(meta.doc_id).map((p) => JSON.stringify(p))).sort(),
    neighbours: library.reports.map(({ meta }) => library.neighbours(library.getPassage(`${meta.doc_id}:003`), 2)),
    figures: library.indicators.catalogue.flatMap((indicator) => library.indicators.figuresOf(indicator.id, true).map((figure) => JSON.stringify(figure))).sort(),
  };
}

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

describe('choosing the store', () => {
  it('reads --store or MINZHENG_STORE, refuses anything else, and serves the bundled corpus from the cache for sqlite', () => {
    expect(readConfig(['--store', 'sqlite', '--corpus', BUNDLED_CORPUS_DIR], {}).store).toBe('sqlite');
    expect(readConfig([], { MINZHENG_STORE: 'minisearch' })).toMatchObject({ store: 'minisearch', indexDir: BUNDLED_INDEX_DIR });
    const sqlite = readConfig([], { MINZHENG_STORE: 'sqlite', MINZHENG_CACHE_DIR: '/tmp/minzheng-choice' });
    expect(sqlite.store).toBe('sqlite');
    expect(sqlite.indexDir.startsWith('/tmp/minzheng-choice/')).toBe(true);
    expect(() => readConfig(['--store', 'lucene'], {})).toThrow(/--store must be one of minisearch, sqlite \(got "lucene"\)/);
    expect(() => readConfig([], { MINZHENG_STORE: '' })).toThrow(/MINZHENG_STORE must be one of/);
  });
});

describe('the SQLite store', () => {
  it('answers everything the tools read exactly as the MiniSearch store does, and records its kind', () => {
    const corpusDir = copyCorpus();
    const memory = rebuildIndex(location(corpusDir, 'minisearch'), silentLogger);
    const sqliteLocation = location(corpusDir, 'sqlite');
    rebuildIndex(sqliteLocation, silentLogger);
    const sqlite = openLibrary(sqliteLocation, silentLogger);
    expect(sqlite.store.kind).toBe('sqlite');
    expect(readManifest(sqliteLocation.indexDir)?.store).toBe('sqlite');
    expect(everything(sqlite)).toEqual(everything(memory));
    expect(sqlite.store.passage('hebi-2022:9999')).toBeUndefined();
    expect(sqlite.store.passage('hebi-2022:01')).toBeUndefined();
    expect(sqlite.store.report('nope')).toBeUndefined();
  });

  it('re-indexes only the report added, changed or removed, and then answers as a full build does', () => {
    const corpusDir = copyCorpus(['zhenjiang-2022.md']);
    const where = location(corpusDir, 'sqlite');
    rebuildIndex(where, silentLogger);
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'zhenjiang-2022.md'), path.join(corpusDir, 'zhenjiang-2022.md'));
    fs.appendFileSync(path.join(corpusDir, 'hebi-2022.md'), '\n鹤壁市持证社会工作者达到1234人。\n');
    fs.rmSync(path.join(corpusDir, 'xuchang-2021.md'));
    const log = recording();
    const updated = openLibrary(where, log);
    expect(log.lines.join('\n')).toMatch(/incremental: 2 corpus file\(s\) read, 2 report\(s\) removed or replaced/);
    const full = rebuildIndex(location(corpusDir, 'sqlite'), silentLogger);
    expect(everything(updated)).toEqual(everything(full));
    expect(updated.searchPassages({ query: '持证社会工作者 鹤壁', limit: 1 })[0]?.passage.text).toContain('1234人');
  });

  it('checks one stamp at start; an edit in place is found after the handshake and updated at the next start', async () => {
    const corpusDir = copyCorpus();
    const where = location(corpusDir, 'sqlite');
    rebuildIndex(where, silentLogger);
    fs.appendFileSync(path.join(corpusDir, 'hebi-2022.md'), '\n鹤壁市持证社会工作者达到4321人。\n');
    const first = recording();
    const served = openLibrary(where, first);
    expect(first.lines.join('\n')).not.toMatch(/building/);
    served.preloadSearch(first);
    // The check runs in slices between requests: it ends a little after the handshake.
    await vi.waitFor(() => expect(first.lines.join('\n')).toMatch(/hebi-2022\.md changed/));
    const second = recording();
    const next = openLibrary(where, second);
    expect(second.lines.join('\n')).toMatch(/incremental: 1 corpus file/);
    expect(next.searchPassages({ query: '持证社会工作者 鹤壁', limit: 1 })[0]?.passage.text).toContain('4321人');
  });

  it('rebuilds a store file that is truncated or replaced', () => {
    const corpusDir = copyCorpus();
    const where = location(corpusDir, 'sqlite');
    const reference = everything(rebuildIndex(where, silentLogger));
    const file = path.join(where.indexDir, SQLITE_FILE);
    fs.truncateSync(file, fs.statSync(file).size - 4096);
    const log = recording();
    expect(everything(openLibrary(where, log))).toEqual(reference);
    expect(log.lines.join('\n')).toMatch(/store\.sqlite has \d+ bytes.*rebuilding/);
  });

  it('finds a byte flipped inside a large store.sqlite after the handshake, and the next start rebuilds it', async () => {
    const corpusDir = copyCorpus();
    const where = location(corpusDir, 'sqlite');
    const reference = everything(rebuildIndex(where, silentLogger));
    const file = path.join(where.indexDir, SQLITE_FILE);
    // A store this small is hashed at the start; past HASH_AT_START_BYTES only after the handshake.
    expect(fs.statSync(file).size).toBeLessThan(HASH_AT_START_BYTES);
    const manifest = readManifest(where.indexDir)!;
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(file, bytes);
    // As a large store: a start checks size and header only, then the hash runs between requests.
    const log = recording();
    expect(await verifyStoreFile(file, { ...manifest, search_index_bytes: HASH_AT_START_BYTES + 1 })).toMatch(/does not match its checksum/);
    markDamaged(where.indexDir, manifest, 'store.sqlite does not match its checksum', log);
    expect(log.lines.join('\n')).toMatch(/unusable.*rebuilds it/);
    const next = recording();
    expect(everything(openLibrary(where, next))).toEqual(reference);
    expect(next.lines.join('\n')).toMatch(/does not match its checksum; rebuilding/);
  });

  it('scores a common term from its best postings only, keeping most of the exhaustive top-8 score', () => {
    const corpusDir = copyCorpus();
    const dir = temporaryDir('sq-capped');
    const tokenizer = loadTokenizer(buildDictionaries(writeUserDictionary(dir)));
    const manifest = buildSqliteStore(dir, { corpusDir, tokenizer, places: loadPlaces(), logger: silentLogger, postingCap: 20 });
    const library = (cap?: number) => new ReportLibrary({ store: SqliteStore.open(dir, manifest, cap), tokenizer, synonyms: new SynonymTable(readSynonymGroups(SYNONYMS_FILE)) });
    const capped = library();
    const exhaustive = library(Infinity);
    const memory = rebuildIndex(location(corpusDir, 'minisearch'), silentLogger);
    let kept = 0;
    let best = 0;
    for (const query of ['民政', '养老 服务', '社会 救助 工作', '低保标准']) {
      const top = exhaustive.searchPassages({ query, limit: 8 });
      expect(top.map((hit) => hit.passage.passage_id)).toEqual(memory.searchPassages({ query, limit: 8 }).map((hit) => hit.passage.passage_id));
      const scoreOf = new Map(exhaustive.searchPassages({ query, limit: 10_000 }).map((hit) => [hit.passage.passage_id, hit.score]));
      const fromLists = capped.searchPassages({ query, limit: 8 });
      best += top.reduce((sum, hit) => sum + hit.score, 0);
      kept += fromLists.reduce((sum, hit) => sum + (scoreOf.get(hit.passage.passage_id) ?? 0), 0);
    }
    // A year filter alone is applied to what the lists give: the same best passages as every posting scored, each of that year.
    for (const query of ['民政 工作', '养老 服务']) {
      const year = { publishedFrom: 2022, publishedTo: 2022 };
      const ids = (library: ReportLibrary) => library.searchPassages({ query, limit: 3, ...year }).map((hit) => hit.passage.passage_id);
      expect(ids(capped)).toEqual(ids(exhaustive));
      expect(capped.searchPassages({ query, limit: 8, ...year }).every((hit) => hit.report.meta.published.startsWith('2022'))).toBe(true);
    }
    // One common word alone: its list's 20 best postings at most (no other word to complete).
    expect(capped.searchPassages({ query: '民政', limit: 100 }).length).toBeLessThanOrEqual(20);
    expect(exhaustive.searchPassages({ query: '民政', limit: 100 }).length).toBeGreaterThan(20);
    expect(kept / best).toBeGreaterThan(0.95);
    expect(kept / best).toBeLessThanOrEqual(1 + 1e-9);
  });

  it('an update keeps the impact lists a full build of the same corpus has', () => {
    const corpusDir = copyCorpus(['zhenjiang-2022.md']);
    const tokenizer = loadTokenizer(buildDictionaries(writeUserDictionary(temporaryDir('sq-dict'))));
    const build = (previousDir?: string) => {
      const dir = temporaryDir('sq-lists');
      writeUserDictionary(dir);
      const manifest = buildSqliteStore(dir, { corpusDir, tokenizer, places: loadPlaces(), logger: silentLogger, postingCap: 20, previousDir });
      return new ReportLibrary({ store: SqliteStore.open(dir, manifest), tokenizer, synonyms: new SynonymTable(readSynonymGroups(SYNONYMS_FILE)) });
    };
    const before = build();
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'zhenjiang-2022.md'), path.join(corpusDir, 'zhenjiang-2022.md'));
    const dirOf = (library: ReportLibrary) => (library.store as SqliteStore).directory;
    const updated = build(dirOf(before));
    const full = build();
    for (const query of ['民政', '养老 服务', '社会 救助 工作', '镇江 低保标准']) {
      const ranked = (library: ReportLibrary) => library.searchPassages({ query, limit: 8 }).map((hit) => hit.passage.passage_id);
      expect(ranked(updated)).toEqual(ranked(full));
    }
  });
});

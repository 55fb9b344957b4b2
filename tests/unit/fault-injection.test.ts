import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log.js';
import type { ReportLibrary } from '../../src/library.js';
import { openLibrary, rebuildIndex } from '../../src/open-library.js';
import { BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { silentLogger } from '../../src/log.js';
import { temporaryDir } from '../helpers.js';

/**
 * Every file of an index folder damaged every way a disk, a crash or a hand can damage it: the
 * server either rebuilds and serves exactly what a fresh build serves, or says why; it never
 * serves damaged content and never crashes.
 */
const QUERIES = ['许昌 低保标准', '养老床位', '福利彩票 公益金'];
const FILES = ['manifest.json', 'reports.json', 'passages.json', 'figures.json', 'term-stats.json', 'search-index.json', 'user.dict.utf8', 'query.dict.utf8', 'idf.utf8', 'stop_words.utf8'];

type Damage = (file: string) => void;
const DAMAGES: Record<string, Damage> = {
  deleted: (file) => fs.rmSync(file),
  emptied: (file) => fs.writeFileSync(file, ''),
  truncated: (file) => fs.truncateSync(file, Math.floor(fs.statSync(file).size / 2)),
  'a byte flipped': (file) => {
    const bytes = fs.readFileSync(file);
    const at = Math.floor(bytes.length / 2);
    bytes[at] = bytes[at]! ^ 0x01;
    fs.writeFileSync(file, bytes);
  },
  'a value edited (same size)': (file) => {
    const text = fs.readFileSync(file, 'utf8');
    const match = /\d{3}/.exec(text.slice(Math.floor(text.length / 3)));
    if (!match) return DAMAGES['a byte flipped']!(file);
    const at = Math.floor(text.length / 3) + match.index;
    const edited = String((Number(match[0]) + 100) % 1000).padStart(3, '0');
    fs.writeFileSync(file, text.slice(0, at) + edited + text.slice(at + 3));
  },
};

function snapshot(library: ReportLibrary) {
  return {
    search: QUERIES.map((query) => library.searchPassages({ query, limit: 8 }).map((hit) => [hit.passage.passage_id, hit.passage.text, hit.score.toFixed(6)])),
    figures: library.indicators.catalogue.flatMap((indicator) => library.indicators.figuresOf(indicator.id, true).map((f) => [f.indicator, f.normalized_value, f.citation.quote])),
    texts: library.reports.map((report) => [report.meta.doc_id, library.getReport(report.meta.doc_id).text]),
  };
}

describe('a damaged index', () => {
  const corpusDir = temporaryDir('fault-corpus');
  const pristineDir = temporaryDir('fault-pristine');
  const indexDir = temporaryDir('fault-index');
  let reference: ReturnType<typeof snapshot>;

  beforeAll(() => {
    for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
    reference = snapshot(rebuildIndex({ corpusDir, indexDir: pristineDir }, silentLogger));
  });

  const cases = FILES.flatMap((file) => Object.keys(DAMAGES).map((damage) => [file, damage] as const));
  it.each(cases)('%s, %s: rebuilt and served as a fresh build, never damaged', (file, damage) => {
    fs.rmSync(indexDir, { recursive: true, force: true });
    fs.cpSync(pristineDir, indexDir, { recursive: true });
    DAMAGES[damage]!(path.join(indexDir, file));
    const log: string[] = [];
    const logger: Logger = { info: (m) => log.push(m), warn: (m) => log.push(`warn: ${m}`) };
    const library = openLibrary({ corpusDir, indexDir }, logger);
    expect(snapshot(library)).toEqual(reference);
    // An edit of the manifest that changes nothing served (its date, a file's mtime) may go unnoticed; any other damage is said.
    if (file !== 'manifest.json') expect(log.join('\n')).toMatch(/unusable|no index built yet|building the index|rebuilding|changed/);
  });
});

describe('a damaged SQLite store', () => {
  const corpusDir = temporaryDir('fault-sq-corpus');
  const pristineDir = temporaryDir('fault-sq-pristine');
  const indexDir = temporaryDir('fault-sq-index');
  let reference: ReturnType<typeof snapshot>;

  beforeAll(() => {
    for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
    reference = snapshot(rebuildIndex({ corpusDir, indexDir: pristineDir, store: 'sqlite' }, silentLogger));
  });

  // A byte flipped inside store.sqlite keeps its size and its SQLite structure: only its checksum
  // finds it (at the start for a store this small, after the handshake for a large one: sqlite-store.test.ts).
  it.each(Object.keys(DAMAGES))('store.sqlite, %s: rebuilt and served as a fresh build', (damage) => {
    fs.rmSync(indexDir, { recursive: true, force: true });
    fs.cpSync(pristineDir, indexDir, { recursive: true });
    DAMAGES[damage]!(path.join(indexDir, 'store.sqlite'));
    const log: string[] = [];
    const logger: Logger = { info: (m) => log.push(m), warn: (m) => log.push(`warn: ${m}`) };
    expect(snapshot(openLibrary({ corpusDir, indexDir, store: 'sqlite' }, logger))).toEqual(reference);
    expect(log.join("\n")).toMatch(/unusable.*rebuilding|building the index/);
  });
});

describe('a save that was killed', () => {
  it('leaves temporary files that the next build removes', () => {
    const corpusDir = temporaryDir('tmp-corpus');
    const file = fs.readdirSync(BUNDLED_CORPUS_DIR).find((name) => name.endsWith('.md'))!;
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
    const indexDir = temporaryDir('tmp-index');
    fs.writeFileSync(path.join(indexDir, 'reports.json.99999.tmp'), '{"half": ');
    rebuildIndex({ corpusDir, indexDir }, silentLogger);
    expect(fs.readdirSync(indexDir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });
});

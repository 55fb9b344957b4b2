import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../src/log.js';
import { openLibrary, rebuildIndex } from '../../src/open-library.js';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR } from '../../src/paths.js';
import { stalenessReason } from '../../src/search/freshness.js';
import { readManifest } from '../../src/search/store.js';
import { bundledLibrary, temporaryDir } from '../helpers.js';

const QUERIES = ['许昌 低保标准', '养老床位', '福利彩票 公益金', '社会组织 登记', '孤儿 基本生活费 2022'];

function copyCorpus(): string {
  const dir = temporaryDir('corpus');
  for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(dir, file));
  return dir;
}

function ranking(library: ReturnType<typeof bundledLibrary>, query: string) {
  return library.searchPassages({ query, limit: 10 }).map((hit) => [hit.passage.passage_id, hit.score.toFixed(6)]);
}

describe('index', () => {
  it('the committed index matches the bundled corpus (run npm run index after changing it)', () => {
    const manifest = readManifest(BUNDLED_INDEX_DIR);
    expect(manifest).toBeDefined();
    expect(stalenessReason(manifest!, BUNDLED_CORPUS_DIR)).toBeUndefined();
  });

  it('gives identical results after save → load', () => {
    const corpusDir = copyCorpus();
    const indexDir = temporaryDir('index');
    const built = rebuildIndex({ corpusDir, indexDir }, silentLogger);
    const loaded = openLibrary({ corpusDir, indexDir }, silentLogger);
    for (const query of QUERIES) {
      expect(ranking(loaded, query).length).toBeGreaterThan(0);
      expect(ranking(loaded, query)).toEqual(ranking(built, query));
    }
  });

  it('a rebuild gives the same passage ids and offsets (stable across rebuilds)', () => {
    const corpusDir = copyCorpus();
    const first = rebuildIndex({ corpusDir, indexDir: temporaryDir('index') }, silentLogger);
    const second = rebuildIndex({ corpusDir, indexDir: temporaryDir('index') }, silentLogger);
    const ids = (library: typeof first) => library.reports.flatMap((r) => library.passagesOf(r.meta.doc_id).map((p) => `${p.passage_id}@${p.start}-${p.end}`));
    expect(ids(second)).toEqual(ids(first));
    expect(ids(bundledLibrary())).toEqual(ids(first));
  });

  it('detects a changed, added or removed corpus file', () => {
    const corpusDir = copyCorpus();
    const indexDir = temporaryDir('index');
    rebuildIndex({ corpusDir, indexDir }, silentLogger);
    const manifest = () => readManifest(indexDir)!;
    expect(stalenessReason(manifest(), corpusDir)).toBeUndefined();
    fs.appendFileSync(path.join(corpusDir, 'hebi-2022.md'), '\n新增一句。\n');
    expect(stalenessReason(manifest(), corpusDir)).toMatch(/hebi-2022\.md changed/);
    rebuildIndex({ corpusDir, indexDir }, silentLogger);
    fs.writeFileSync(path.join(corpusDir, 'new.md'), '---\nplace: 洛阳市\n---\n洛阳市低保标准提高到每人每月700元。\n');
    expect(stalenessReason(manifest(), corpusDir)).toMatch(/new corpus file new\.md/);
    fs.rmSync(path.join(corpusDir, 'new.md'));
    fs.rmSync(path.join(corpusDir, 'xuchang-2021.md'));
    expect(stalenessReason(manifest(), corpusDir)).toMatch(/xuchang-2021\.md was removed/);
  });

  it('rebuilds an unreadable index instead of failing', () => {
    const corpusDir = copyCorpus();
    const indexDir = temporaryDir('index');
    rebuildIndex({ corpusDir, indexDir }, silentLogger);
    fs.writeFileSync(path.join(indexDir, 'search-index.json'), '{ not json');
    const library = openLibrary({ corpusDir, indexDir }, silentLogger);
    expect(library.searchPassages({ query: '低保', limit: 3 }).length).toBe(3);
    expect(() => JSON.parse(fs.readFileSync(path.join(indexDir, 'search-index.json'), 'utf8'))).not.toThrow();
  });

  it('serves the usable reports of a folder and names the unusable ones', () => {
    const corpusDir = temporaryDir('mixed');
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, 'zhenjiang-2022.md'), path.join(corpusDir, 'zhenjiang-2022.md'));
    fs.writeFileSync(path.join(corpusDir, 'no-place.txt'), '这是一段没有地名的文字。');
    fs.writeFileSync(path.join(corpusDir, 'empty.md'), '');
    fs.writeFileSync(path.join(corpusDir, 'raw-luoyang.txt'), '洛阳市民政局工作总结\n2023年,洛阳市城市低保标准提高到每人每月720元。洛阳市养老床位达到3.2万张。');
    const library = rebuildIndex({ corpusDir, indexDir: temporaryDir('index') }, silentLogger);
    expect(library.reports.map((r) => r.meta.place).sort()).toEqual(['洛阳市', '镇江市']);
    expect(library.manifest.problems.map((p) => p.file).sort()).toEqual(['empty.md', 'no-place.txt']);
    expect(library.manifest.problems.find((p) => p.file === 'no-place.txt')?.reason).toMatch(/place/);
    const luoyang = library.reports.find((r) => r.meta.place === '洛阳市')!;
    expect(luoyang.meta.published).toBe('');
    expect(library.searchPassages({ query: '洛阳 低保', limit: 1 })[0]?.report.meta.place).toBe('洛阳市');
  });
});

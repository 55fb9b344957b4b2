import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isMinzhengError } from '../../src/errors.js';
import type { Logger } from '../../src/log.js';
import { silentLogger } from '../../src/log.js';
import { openLibrary, openSavedIndex, rebuildIndex } from '../../src/open-library.js';
import { BUNDLED_CORPUS_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import { checkCorpusContent, markForRebuild } from '../../src/start/corpus-check.js';
import type { StoreKind } from '../../src/store/types.js';
import { temporaryDir } from '../helpers.js';

function corpusCopy(): string {
  const dir = temporaryDir('checks-corpus');
  // Whole seconds: an mtime put back by utimes is then exactly the one the index was built with.
  const second = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
  for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) {
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(dir, file));
    fs.utimesSync(path.join(dir, file), second, second);
  }
  return dir;
}

/** Replaces two characters of a report's body, keeping its size and mtime. */
function editInPlace(file: string, from: string, to: string): void {
  const { atime, mtime, size } = fs.statSync(file);
  const text = fs.readFileSync(file, 'utf8');
  const at = text.indexOf(from, text.indexOf('\n---\n') + 5);
  fs.writeFileSync(file, `${text.slice(0, at)}${to}${text.slice(at + from.length)}`);
  fs.utimesSync(file, atime, mtime);
  expect(fs.statSync(file).size).toBe(size);
}

function recording(lines: string[]): Logger {
  return { info: (message) => lines.push(`info: ${message}`), warn: (message) => lines.push(`warn: ${message}`) };
}

describe('a failed rebuild of the search index is remembered', () => {
  it('the corpus changed under a running server: the first search rebuilds and refuses, later ones refuse at once', () => {
    const corpusDir = corpusCopy();
    const indexDir = temporaryDir('checks-index');
    rebuildIndex({ corpusDir, indexDir, store: 'minisearch' }, silentLogger);
    const log: string[] = [];
    const library = openLibrary({ corpusDir, indexDir }, recording(log));
    // The search index is read at the first search: damaged, it is rebuilt from a corpus that has changed since.
    const index = path.join(indexDir, 'search-index.json');
    const bytes = fs.readFileSync(index);
    bytes[Math.floor(bytes.length / 2)]! ^= 0x01;
    fs.writeFileSync(index, bytes);
    fs.appendFileSync(path.join(corpusDir, 'xuchang-2021.md'), '许昌市新增养老床位1200张。\n');

    const refusal = () => {
      try {
        library.searchPassages({ query: '低保标准', limit: 3 });
      } catch (error) {
        return error;
      }
      return undefined;
    };
    let started = performance.now();
    const first = refusal();
    const firstMs = performance.now() - started;
    started = performance.now();
    const second = refusal();
    const secondMs = performance.now() - started;
    expect(isMinzhengError(first) && first.code).toBe('INDEX_UNUSABLE');
    expect((first as Error).message).toMatch(/changed while the server ran; restart the server/);
    expect(second).toBe(first);
    expect(log.filter((line) => line.includes('rebuilding it from'))).toHaveLength(1);
    expect(secondMs).toBeLessThan(firstMs / 10);
  });
});

describe.each<StoreKind>(['minisearch', 'sqlite'])('the full content check, %s store', (store) => {
  it('finds an edit that keeps size and mtime (which the start does not), and marks the index so that the next start rebuilds it', async () => {
    const corpusDir = corpusCopy();
    const indexDir = temporaryDir('checks-index');
    const location = { corpusDir, indexDir, store };
    rebuildIndex(location, silentLogger);
    const served = openLibrary(location, silentLogger);
    expect((await checkCorpusContent(served, corpusDir)).differences).toEqual([]);

    editInPlace(path.join(corpusDir, 'zhenjiang-2022.md'), '镇江', '镇海');
    const reopened = openSavedIndex(location, silentLogger);
    expect('library' in reopened).toBe(true); // the start's stamps cannot see it
    const found = await checkCorpusContent(served, corpusDir);
    expect(found.differences).toEqual(['zhenjiang-2022.md changed']);
    expect(found.files).toBe(5);
    expect(found.bytes).toBeGreaterThan(60_000);

    expect(markForRebuild(served, indexDir, found.differences)).toBe(true);
    const next = openSavedIndex(location, silentLogger);
    expect('rebuild' in next && next.rebuild).toMatch(/zhenjiang-2022\.md changed|corpus folder changed/);
    const rebuilt = openLibrary(location, silentLogger);
    expect(rebuilt.searchPassages({ query: '镇海', limit: 3 }).some((hit) => hit.passage.text.includes('镇海'))).toBe(true);
    expect((await checkCorpusContent(rebuilt, corpusDir)).differences).toEqual([]);
  });
});

describe('ask index --check', () => {
  it('says the index matches, with what it cost; after an edit in place, exits 1 naming the file', () => {
    const corpusDir = corpusCopy();
    const env = { ...process.env, MINZHENG_CACHE_DIR: temporaryDir('checks-cache'), MINZHENG_STORE: 'minisearch' };
    const cli = path.join(PACKAGE_ROOT, 'dist', 'bin', 'cli.js');
    const check = () => {
      try {
        return { code: 0, out: execFileSync(process.execPath, [cli, 'index', '--check', '--corpus', corpusDir], { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }) };
      } catch (error) {
        return { code: (error as { status: number }).status, out: String((error as { stdout: string }).stdout) };
      }
    };
    const clean = check();
    expect(clean).toEqual({ code: 0, out: expect.stringMatching(/^the index matches the corpus in .* \(5 files, 0\.1 MB hashed in \d+ ms\)\n$/) });
    editInPlace(path.join(corpusDir, 'hebi-2022.md'), '鹤壁', '鹤山');
    const edited = check();
    expect(edited.code).toBe(1);
    expect(edited.out).toMatch(/differs from the corpus .*: hebi-2022\.md changed .*\nmarked for rebuild/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import type { Logger } from '../../src/log.js';
import { openLibrary } from '../../src/open-library.js';
import { BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { temporaryDir } from '../helpers.js';

const corpus = temporaryDir('config-corpus');
const aFile = path.join(corpus, 'not-a-folder.md');
fs.writeFileSync(aFile, 'x');

describe('readConfig', () => {
  it.each([
    [['--corpus', ''], {}, /--corpus is empty/],
    [['--corpus'], {}, /--corpus is empty/],
    [['--corpus='], {}, /--corpus is empty/],
    [[], { MINZHENG_CORPUS: '' }, /MINZHENG_CORPUS is empty/],
    [['--corpus', '/nonexistent/reports'], {}, /does not exist/],
    [['--corpus', aFile], {}, /is not a folder/],
    [['--corpus', corpus], { MINZHENG_CACHE_DIR: '' }, /MINZHENG_CACHE_DIR must be an absolute folder path/],
    [['--corpus', corpus], { MINZHENG_CACHE_DIR: 'relative/cache' }, /MINZHENG_CACHE_DIR must be an absolute folder path/],
  ] as [string[], Record<string, string>, RegExp][])('refuses %j %j', (argv, env, message) => {
    expect(() => readConfig(argv, env)).toThrow(message);
  });

  it('serves the bundled corpus without arguments, another folder with --corpus', () => {
    expect(readConfig([], {}).bundled).toBe(true);
    const config = readConfig(['--corpus', corpus], { MINZHENG_CACHE_DIR: '/tmp/minzheng-cache-test' });
    expect(config).toMatchObject({ corpusDir: corpus, bundled: false });
    expect(config.indexDir.startsWith('/tmp/minzheng-cache-test/')).toBe(true);
  });
});

describe('an index cache that cannot be written', () => {
  it('serves from memory with a warning naming MINZHENG_CACHE_DIR (a folder under /proc cannot be created, even by root)', () => {
    const dir = temporaryDir('memory-corpus');
    const file = fs.readdirSync(BUNDLED_CORPUS_DIR).find((name) => name.endsWith('.md'))!;
    fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(dir, file));
    const log: string[] = [];
    const logger: Logger = { info: (m) => log.push(m), warn: (m) => log.push(`warn: ${m}`) };
    const started = Date.now();
    const library = openLibrary({ corpusDir: dir, indexDir: '/proc/minzheng-cache/index' }, logger);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(library.reports).toHaveLength(1);
    expect(library.searchPassages({ query: '低保', limit: 3 }).length).toBeGreaterThan(0);
    expect(log.some((line) => line.startsWith('warn: cannot write the index cache /proc/minzheng-cache/index') && line.includes('MINZHENG_CACHE_DIR'))).toBe(true);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_FOLDER, runWithCodeCache } from '../../src/bin/code-cache.js';
import { temporaryDir } from '../helpers.js';

function bundle(source: string): string {
  const file = path.join(temporaryDir('code-cache'), 'main.cjs');
  fs.writeFileSync(file, source);
  return file;
}

const cacheFiles = (file: string) => {
  const dir = path.join(path.dirname(file), CACHE_FOLDER);
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};

describe('the code cache of a CommonJS bundle', () => {
  it('runs the bundle as CommonJS, and writes its cache only when asked', () => {
    const file = bundle(`const path = require('node:path'); exports.answer = () => [path.basename(__filename), path.basename(__dirname) !== '', typeof module.exports];`);
    const first = runWithCodeCache(file);
    expect((first.exports.answer as () => unknown[])()).toEqual(['main.cjs', true, 'object']);
    expect(cacheFiles(file)).toEqual([]);
    first.save();
    first.save();
    expect(cacheFiles(file)).toHaveLength(1);
  });

  it('reads the cache at the next start and does not write it again', () => {
    const file = bundle('exports.twice = (n) => 2 * n;');
    runWithCodeCache(file).save();
    const [written] = cacheFiles(file);
    const stamp = fs.statSync(path.join(path.dirname(file), CACHE_FOLDER, written!)).mtimeMs;
    const again = runWithCodeCache(file);
    again.save();
    expect((again.exports.twice as (n: number) => number)(21)).toBe(42);
    expect(cacheFiles(file)).toEqual([written]);
    expect(fs.statSync(path.join(path.dirname(file), CACHE_FOLDER, written!)).mtimeMs).toBe(stamp);
  });

  it('keys the cache by the text: a rebuilt bundle of the same length runs its own code and replaces the old cache', () => {
    const file = bundle('exports.value = () => 1111;');
    runWithCodeCache(file).save();
    const [old] = cacheFiles(file);
    fs.writeFileSync(file, 'exports.value = () => 2222;');
    const rebuilt = runWithCodeCache(file);
    expect((rebuilt.exports.value as () => number)()).toBe(2222);
    rebuilt.save();
    expect(cacheFiles(file)).toHaveLength(1);
    expect(cacheFiles(file)).not.toContain(old);
  });

  it('runs without a cache where the folder cannot be written', () => {
    const file = bundle('exports.ok = true;');
    fs.writeFileSync(path.join(path.dirname(file), CACHE_FOLDER), 'a file where the folder would be');
    const run = runWithCodeCache(file);
    expect(() => run.save()).not.toThrow();
    expect(run.exports.ok).toBe(true);
  });
});

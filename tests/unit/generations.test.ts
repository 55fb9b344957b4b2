import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../src/config.js';
import { silentLogger, type Logger } from '../../src/log.js';
import { openLibrary, rebuildIndex } from '../../src/open-library.js';
import { PACKAGE_ROOT, BUNDLED_CORPUS_DIR } from '../../src/paths.js';
import { readManifest } from '../../src/search/store.js';
import { temporaryDir } from '../helpers.js';

const CLI = path.join(PACKAGE_ROOT, 'dist', 'bin', 'cli.js');
const QUERIES = ['许昌 低保标准', '养老床位', '社会组织 登记'];

/** A corpus folder and the index location the server (and `ask index`) use for it, with the store under test. */
function setUp() {
  const corpusDir = temporaryDir('gen-corpus');
  for (const file of fs.readdirSync(BUNDLED_CORPUS_DIR)) fs.copyFileSync(path.join(BUNDLED_CORPUS_DIR, file), path.join(corpusDir, file));
  const env = { ...process.env, MINZHENG_CACHE_DIR: temporaryDir('gen-cache') };
  const config = readConfig(['--corpus', corpusDir], env);
  return { corpusDir, env, config };
}

function answers(library: ReturnType<typeof openLibrary>) {
  return QUERIES.map((query) => library.searchPassages({ query, limit: 5 }).map((hit) => `${hit.passage.passage_id}:${hit.score.toFixed(6)}`));
}

function recording(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(m), warn: (m) => lines.push(m) };
}

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '']).pid!;
}

describe('a build writes a new generation and switches by rename', () => {
  it('a build killed with SIGKILL at any point leaves the previous store serving, and never a half-written one', async () => {
    const { corpusDir, env, config } = setUp();
    const before = answers(rebuildIndex(config, silentLogger));
    const parent = path.dirname(config.indexDir);
    const killedAt: string[] = [];
    // Kill points: the moment a file of the new generation appears (its dictionary, the SQLite
    // file, the MiniSearch files in the order they are written, the manifest written last, before
    // the switch), and times into the build.
    const files = config.store === 'sqlite' ? ['user.dict.utf8', 'store.sqlite', 'query.dict.utf8', 'manifest.json'] : ['user.dict.utf8', 'reports.json', 'search-index.json', 'manifest.json'];
    const points = [...files.map((file) => ({ file, delay: 0 })), { file: 'user.dict.utf8', delay: 1500 }];
    for (const { file, delay } of points) {
      // The store live before this build (a build that finished first replaced it).
      const builtAt = readManifest(config.indexDir)!.built_at;
      const child = spawn(process.execPath, [CLI, 'index', '--corpus', corpusDir], { env, stdio: 'ignore' });
      // Listened to from the start: a build that ends as its last file appears must not be missed.
      const exited = new Promise((resolve) => child.on('exit', (_code, sig) => resolve(sig)));
      const next = path.join(parent, path.basename(`${config.indexDir}.next-${child.pid}`));
      while (!fs.existsSync(path.join(next, file)) && child.exitCode === null && child.signalCode === null) await new Promise((resolve) => setTimeout(resolve, 1));
      if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
      child.kill('SIGKILL');
      const signal = await exited;
      if (signal !== 'SIGKILL') continue; // finished first
      // Killed before its switch (the new generation still beside the live one): the previous store
      // is live. Killed in the instant after the switch: the new generation, complete, is.
      const switched = !fs.existsSync(next);
      killedAt.push(`${file}${delay ? ` +${delay} ms` : ''}: [${switched ? 'switched' : fs.readdirSync(next).sort().join(' ')}]`);
      if (!switched) expect(readManifest(config.indexDir)!.built_at).toBe(builtAt);
      const log = recording();
      const library = openLibrary(config, log);
      expect(log.lines.join('\n')).not.toMatch(/building the index|rebuilding/);
      expect(answers(library)).toEqual(before);
      expect(fs.readdirSync(parent).filter((name) => name.includes('.next-'))).toEqual([]);
    }
    console.log(`killed during the build, at (new generation's files then): ${killedAt.join('; ')}`);
    // Each store writes its dictionary, its data files and its manifest before the switch.
    expect(killedAt.filter((point) => !point.endsWith('[switched]')).length).toBeGreaterThanOrEqual(3);
  }, 240_000);

  it('a switch killed between its two renames: the previous generation set aside is put back and served', () => {
    const { config } = setUp();
    const before = answers(rebuildIndex(config, silentLogger));
    const aside = `${config.indexDir}.prev-${deadPid()}`;
    fs.renameSync(config.indexDir, aside);
    const halfWritten = `${config.indexDir}.next-${deadPid()}`;
    fs.mkdirSync(halfWritten);
    fs.writeFileSync(path.join(halfWritten, 'manifest.json'), '{"format": ');
    const log = recording();
    expect(answers(openLibrary(config, log))).toEqual(before);
    expect(log.lines.join('\n')).not.toMatch(/building the index/);
    expect(fs.existsSync(aside) || fs.existsSync(halfWritten)).toBe(false);
  });

  it('leaves the generation of a writer still running alone', () => {
    const { config } = setUp();
    rebuildIndex(config, silentLogger);
    const running = `${config.indexDir}.next-${process.ppid}`;
    fs.mkdirSync(running);
    openLibrary(config, silentLogger);
    rebuildIndex(config, silentLogger);
    expect(fs.existsSync(running)).toBe(true);
  });
});

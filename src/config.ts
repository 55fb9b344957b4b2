import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { MinzhengError } from './errors.js';
import path from 'node:path';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR } from './paths.js';
import type { IndexLocation } from './open-library.js';
import { STORE_KINDS, type StoreKind } from './store/types.js';

export interface Config extends IndexLocation {
  /** True when serving the bundled corpus with its committed index. */
  bundled: boolean;
}

/**
 * The only reader of argv and the environment: `--corpus DIR` or MINZHENG_CORPUS=DIR,
 * `--store minisearch|sqlite` or MINZHENG_STORE, and MINZHENG_CACHE_DIR. An empty or unusable value is refused with what to give instead (CONFIG).
 */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const store = storeChoice(argv, env);
  const fromArg = argValue(argv, '--corpus');
  const corpusArg = fromArg ?? env.MINZHENG_CORPUS;
  if (corpusArg === undefined && store === 'sqlite') return { corpusDir: BUNDLED_CORPUS_DIR, indexDir: cacheDirFor(BUNDLED_CORPUS_DIR, env), bundled: false, store };
  if (corpusArg === undefined) return { corpusDir: BUNDLED_CORPUS_DIR, indexDir: BUNDLED_INDEX_DIR, bundled: true, ...(store ? { store } : {}) };
  const source = fromArg !== undefined ? '--corpus' : 'MINZHENG_CORPUS';
  if (corpusArg.trim() === '') throw new MinzhengError('CONFIG', `${source} is empty: give the folder of reports, e.g. --corpus ~/reports`);
  const corpusDir = path.resolve(corpusArg);
  if (!fs.existsSync(corpusDir)) throw new MinzhengError('CONFIG', `${source} ${corpusDir} does not exist: give a folder of .md or .txt reports`);
  if (!fs.statSync(corpusDir).isDirectory()) throw new MinzhengError('CONFIG', `${source} ${corpusDir} is not a folder: give a folder of .md or .txt reports`);
  return { corpusDir, indexDir: cacheDirFor(corpusDir, env), bundled: false, ...(store ? { store } : {}) };
}

/** `--store minisearch|sqlite` or MINZHENG_STORE; absent: the store an index has, or one chosen by corpus size. */
function storeChoice(argv: readonly string[], env: NodeJS.ProcessEnv): StoreKind | undefined {
  const fromArg = argValue(argv, '--store');
  const value = fromArg ?? env.MINZHENG_STORE;
  if (value === undefined) return undefined;
  if (!STORE_KINDS.includes(value as StoreKind)) {
    throw new MinzhengError('CONFIG', `${fromArg !== undefined ? '--store' : 'MINZHENG_STORE'} must be one of ${STORE_KINDS.join(', ')} (got "${value}"); leave it out to choose by corpus size`);
  }
  return value as StoreKind;
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index >= 0) return argv[index + 1] ?? '';
  const inline = argv.find((arg) => arg.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}

/** Index cache of another corpus: one folder per corpus path, under the user's cache. */
function cacheDirFor(corpusDir: string, env: NodeJS.ProcessEnv): string {
  const chosen = env.MINZHENG_CACHE_DIR;
  if (chosen !== undefined && (chosen.trim() === '' || !path.isAbsolute(chosen))) {
    throw new MinzhengError('CONFIG', `MINZHENG_CACHE_DIR must be an absolute folder path (got "${chosen}"); unset it to use ~/.cache/minzheng-mcp`);
  }
  const root = chosen ?? path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'minzheng-mcp');
  const key = crypto.createHash('sha256').update(corpusDir).digest('hex').slice(0, 16);
  return path.join(root, `${path.basename(corpusDir)}-${key}`);
}

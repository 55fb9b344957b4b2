import crypto from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { BUNDLED_CORPUS_DIR, BUNDLED_INDEX_DIR } from './paths.js';
import type { IndexLocation } from './open-library.js';

export interface Config extends IndexLocation {
  /** True when serving the bundled corpus with its committed index. */
  bundled: boolean;
}

/** The only reader of argv and the environment: `--corpus DIR` or MINZHENG_CORPUS=DIR. */
export function readConfig(argv: readonly string[], env: NodeJS.ProcessEnv): Config {
  const corpusArg = argValue(argv, '--corpus') ?? env.MINZHENG_CORPUS;
  if (!corpusArg) return { corpusDir: BUNDLED_CORPUS_DIR, indexDir: BUNDLED_INDEX_DIR, bundled: true };
  const corpusDir = path.resolve(corpusArg);
  return { corpusDir, indexDir: cacheDirFor(corpusDir, env), bundled: false };
}

function argValue(argv: readonly string[], flag: string): string | undefined {
  const index = argv.indexOf(flag);
  if (index >= 0) return argv[index + 1];
  const inline = argv.find((arg) => arg.startsWith(`${flag}=`));
  return inline?.slice(flag.length + 1);
}

/** Index cache of another corpus: one folder per corpus path, under the user's cache. */
function cacheDirFor(corpusDir: string, env: NodeJS.ProcessEnv): string {
  const root = env.MINZHENG_CACHE_DIR ?? path.join(env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'minzheng-mcp');
  const key = crypto.createHash('sha256').update(corpusDir).digest('hex').slice(0, 16);
  return path.join(root, `${path.basename(corpusDir)}-${key}`);
}

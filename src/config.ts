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

/** Streamable HTTP: `--http [--port N] [--host H]`, MINZHENG_TOKEN, MINZHENG_ALLOWED_ORIGINS. */
export interface HttpConfig {
  host: string;
  /** 0 picks a free port (the ready line on stderr says which). */
  port: number;
  /** Bearer token clients must send; required when the host is not loopback. */
  token: string | undefined;
  /** Browser origins allowed besides loopback ones (http://localhost:…), e.g. a web client's. */
  allowedOrigins: string[];
}

export const DEFAULT_HTTP_PORT = 8765;
const MIN_TOKEN_LENGTH = 16;

/** Undefined without `--http` (stdio); otherwise the HTTP settings, refusing what would be unsafe or unusable. */
export function readHttpConfig(argv: readonly string[], env: NodeJS.ProcessEnv): HttpConfig | undefined {
  if (!argv.includes('--http')) return undefined;
  const host = argValue(argv, '--host') ?? '127.0.0.1';
  if (host.trim() === '') throw new MinzhengError('CONFIG', '--host is empty: give an address to listen on, e.g. --host 127.0.0.1 (default) or --host 0.0.0.0');
  const portText = argValue(argv, '--port') ?? String(DEFAULT_HTTP_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new MinzhengError('CONFIG', `--port "${portText}" is not a port: give an integer from 1 to 65535 (0 picks a free one; default ${DEFAULT_HTTP_PORT})`);
  const token = env.MINZHENG_TOKEN;
  if (token !== undefined && token.trim().length < MIN_TOKEN_LENGTH) {
    throw new MinzhengError('CONFIG', `MINZHENG_TOKEN is too short (${token.trim().length} characters): use at least ${MIN_TOKEN_LENGTH}, e.g. the output of \`openssl rand -hex 32\``);
  }
  if (!isLoopback(host) && token === undefined) {
    throw new MinzhengError(
      'CONFIG',
      `refusing to serve on ${host} without a token: anyone who can reach it could use the server. ` +
        'Set MINZHENG_TOKEN to a long random secret (clients then send "Authorization: Bearer <token>"), or leave out --host to serve on 127.0.0.1 only.',
    );
  }
  const origins = argValue(argv, '--allowed-origins') ?? env.MINZHENG_ALLOWED_ORIGINS ?? '';
  const allowedOrigins = origins.split(',').map((origin) => origin.trim().replace(/\/$/, '')).filter(Boolean);
  for (const origin of allowedOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new MinzhengError('CONFIG', `allowed origin "${origin}" is not an origin: write scheme and host, e.g. https://chat.example.org`);
  }
  return { host, port, token: token?.trim(), allowedOrigins };
}

/** Addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

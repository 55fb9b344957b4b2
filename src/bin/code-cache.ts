import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** The folder beside the bundle that holds its code cache. */
export const CACHE_FOLDER = '.v8-cache';

/** A CommonJS bundle run through V8's code cache, and the way to save that cache once it holds what a start runs. */
export interface CachedBundle {
  exports: Record<string, unknown>;
  /** Writes the cache when there was none or V8 refused it (once; never throws). */
  save(): void;
}

/**
 * Runs a CommonJS bundle as Node's loader would, compiled with the code V8 cached at an earlier
 * start: parsing and compiling the bundle's functions was ~100 ms of a start on a slow machine.
 * The cache file is named by a hash of the bundle's text and of this Node (V8 itself checks
 * little more than the text's length and its own version and flags), so a rebuilt bundle or
 * another Node writes a file of its own and removes the older ones. It lives beside the bundle
 * (.v8-cache/), as writable as the code itself: bytecode read from a folder others can write would
 * run as this user's code. Where the bundle's folder is read-only, a start compiles as before.
 */
export function runWithCodeCache(file: string, cacheDir = path.join(path.dirname(file), CACHE_FOLDER)): CachedBundle {
  const source = fs.readFileSync(file, 'utf8');
  const name = path.basename(file);
  const key = crypto.createHash('sha256').update(`${process.version} ${process.arch} ${process.execArgv.join(' ')}\n`).update(source).digest('hex').slice(0, 16);
  const cacheFile = path.join(cacheDir, `${name}-${key}.v8cache`);
  const cachedData = readIfThere(cacheFile);
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
  const module = { exports: {} as Record<string, unknown> };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, path.dirname(file));
  let pending = cachedData === undefined || script.cachedDataRejected === true;
  return {
    exports: module.exports,
    save: () => {
      if (!pending) return;
      pending = false;
      writeCache(cacheDir, cacheFile, name, script.createCachedData());
    },
  };
}

function readIfThere(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Written beside and renamed (servers starting together), then the caches of older bundles go. A cache that cannot be written is left out. */
function writeCache(cacheDir: string, cacheFile: string, name: string, data: Buffer): void {
  try {
    fs.mkdirSync(cacheDir, { recursive: true });
    const partial = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(partial, data);
    fs.renameSync(partial, cacheFile);
    for (const other of fs.readdirSync(cacheDir)) {
      if (other.startsWith(`${name}-`) && path.join(cacheDir, other) !== cacheFile && !other.endsWith('.tmp')) fs.rmSync(path.join(cacheDir, other), { force: true });
    }
  } catch {
    // a read-only or full cache folder: the next start compiles as before
  }
}

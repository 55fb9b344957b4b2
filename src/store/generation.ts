import fs from 'node:fs';
import path from 'node:path';

/**
 * An index folder is replaced whole, never written in place: a build writes a new generation
 * beside it (`index.next-PID`), then switches with two renames (live → `index.prev-PID`, next →
 * live) and removes the previous one. A build killed at any point leaves either the untouched
 * live folder or, between the two renames, the previous one set aside, which `recoverGenerations`
 * puts back before anything is opened. A half-written generation is never opened: only the live
 * name is, and a generation gets it only once complete.
 */

const LEFTOVER = /^(.*)\.(next|prev)-(\d+)$/;

export function nextGenerationDir(indexDir: string): string {
  return `${indexDir}.next-${process.pid}`;
}

/** Builds a new generation with `write` (given the folder to fill) and makes it the live one. */
export function writeGeneration<T>(indexDir: string, write: (dir: string) => T): T {
  recoverGenerations(indexDir);
  const next = nextGenerationDir(indexDir);
  fs.rmSync(next, { recursive: true, force: true });
  fs.mkdirSync(next, { recursive: true });
  let result: T;
  try {
    result = write(next);
  } catch (error) {
    fs.rmSync(next, { recursive: true, force: true });
    throw error;
  }
  switchTo(indexDir, next);
  return result;
}

/** Renames `next` to `indexDir`; another writer switching at the same time only makes it try again. */
function switchTo(indexDir: string, next: string): void {
  const previous = `${indexDir}.prev-${process.pid}`;
  for (let attempt = 0; ; attempt++) {
    try {
      if (fs.existsSync(indexDir)) fs.renameSync(indexDir, previous);
      fs.renameSync(next, indexDir);
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (attempt >= 10 || (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT')) throw error;
    }
  }
  fs.rmSync(previous, { recursive: true, force: true });
}

/**
 * What killed writers left beside an index folder: a previous generation set aside while the
 * live name was free goes back to it; unfinished and set-aside generations are removed. Folders
 * of writers still running are left alone.
 */
export function recoverGenerations(indexDir: string): void {
  const parent = path.dirname(indexDir);
  const base = path.basename(indexDir);
  let entries: string[];
  try {
    entries = fs.readdirSync(parent);
  } catch {
    return;
  }
  for (const name of entries) {
    const match = LEFTOVER.exec(name);
    if (!match || match[1] !== base || isAlive(Number(match[3]))) continue;
    const leftover = path.join(parent, name);
    if (match[2] === 'prev' && !fs.existsSync(indexDir)) fs.renameSync(leftover, indexDir);
    else fs.rmSync(leftover, { recursive: true, force: true });
  }
}

/** Whether the process that wrote a generation still runs (another server may be building the same cache). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

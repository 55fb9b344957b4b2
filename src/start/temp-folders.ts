import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isAlive } from '../store/generation.js';

/**
 * A server whose index cache cannot be written builds into a private temporary folder and serves
 * from it for this run (build-store.ts). Its name carries the owner's pid, so that the folder is
 * removed when the server ends and, when the server was killed, by the next start.
 */
const PREFIX = 'minzheng-memory-';
const OWNED = /^minzheng-memory-(\d+)-/;

/** Leftovers younger than this are left alone even when their pid is gone: pids are reused, and a folder just made may be another server's. */
const STALE_AFTER_MS = 60_000;

export function makeMemoryFolder(root = os.tmpdir()): string {
  return fs.mkdtempSync(path.join(root, `${PREFIX}${process.pid}-`));
}

/** This process's temporary folders (it is ending). */
export function removeOwnFolders(root = os.tmpdir()): void {
  for (const name of entries(root)) {
    if (OWNED.exec(name)?.[1] === String(process.pid)) fs.rmSync(path.join(root, name), { recursive: true, force: true });
  }
}

/** Folders of servers that are gone: their pid no longer runs and they are older than a minute. Returns how many were removed. */
export function removeStaleFolders(root = os.tmpdir(), now = Date.now()): number {
  let removed = 0;
  for (const name of entries(root)) {
    const pid = OWNED.exec(name)?.[1];
    if (!pid || Number(pid) === process.pid || isAlive(Number(pid))) continue;
    const folder = path.join(root, name);
    try {
      if (now - fs.statSync(folder).mtimeMs < STALE_AFTER_MS) continue;
      fs.rmSync(folder, { recursive: true, force: true });
      removed++;
    } catch {
      // another user's folder (sticky /tmp) or removed meanwhile: not ours to clean
    }
  }
  return removed;
}

function entries(root: string): string[] {
  try {
    return fs.readdirSync(root).filter((name) => name.startsWith(PREFIX));
  } catch {
    return [];
  }
}

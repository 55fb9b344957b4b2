import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Logger } from '../log.js';
import { readManifest, writeManifest } from '../search/store.js';
import type { Manifest } from '../search/types.js';

/** A store up to this size is hashed whole at the start (a few ms); a larger one after the handshake, in slices. */
export const HASH_AT_START_BYTES = 32 * 1024 * 1024;
/** Bytes hashed per slice: a search waits for one slice at most while a large store is checked. */
const SLICE_BYTES = 1024 * 1024;
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** The sha256 of a file, read in slices (a store of several GB is never held whole). */
export function fileSha256(file: string): string {
  const hash = crypto.createHash('sha256');
  const buffer = Buffer.alloc(SLICE_BYTES);
  const fd = fs.openSync(file, 'r');
  try {
    for (let read; (read = fs.readSync(fd, buffer, 0, SLICE_BYTES, null)) > 0; ) hash.update(buffer.subarray(0, read));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

/**
 * What a start checks of store.sqlite: its size and SQLite header always; its checksum too when it
 * is small. Throws saying what is wrong. A larger store is hashed by `verifyStoreFile` after the handshake.
 */
export function checkStoreAtStart(file: string, manifest: Manifest): void {
  const size = fs.statSync(file).size;
  if (size !== manifest.search_index_bytes) throw new Error(`store.sqlite has ${size} bytes, the manifest says ${manifest.search_index_bytes}`);
  const header = Buffer.alloc(SQLITE_HEADER.length);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, header.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (!header.equals(SQLITE_HEADER)) throw new Error('store.sqlite is not a SQLite file');
  if (!manifest.search_index_sha256) throw new Error('the manifest has no checksum for store.sqlite');
  if (size <= HASH_AT_START_BYTES && fileSha256(file) !== manifest.search_index_sha256) throw new Error('store.sqlite does not match its checksum');
}

/**
 * Hashes a large store in slices without holding the event loop (each slice is read, then hashed,
 * between requests); resolves with what is wrong, or undefined when it matches. A small store was
 * hashed at the start already.
 */
export async function verifyStoreFile(file: string, manifest: Manifest): Promise<string | undefined> {
  if (manifest.search_index_bytes !== undefined && manifest.search_index_bytes <= HASH_AT_START_BYTES) return undefined;
  const hash = crypto.createHash('sha256');
  for await (const slice of fs.createReadStream(file, { highWaterMark: SLICE_BYTES })) hash.update(slice as Buffer);
  return hash.digest('hex') === manifest.search_index_sha256 ? undefined : 'store.sqlite does not match its checksum';
}

/**
 * A store found damaged after the handshake: said on stderr, and its manifest made to fail the
 * next start's check, which then rebuilds it (a generation switched in meanwhile is left alone).
 */
export function markDamaged(indexDir: string, manifest: Manifest, damage: string, logger: Logger): void {
  logger.warn(`the index in ${indexDir} is unusable (${damage}): answers may be wrong until the next start rebuilds it`);
  if (readManifest(indexDir)?.built_at === manifest.built_at) writeManifest(indexDir, { ...manifest, search_index_sha256: 'damaged' });
}

import fs from 'node:fs';
import { nextGenerationDir } from '../store/generation.js';
import { removeOwnFolders, removeStaleFolders } from './temp-folders.js';

const SWEEP_AFTER_MS = 1_000;

/**
 * What a server leaves behind is removed when it ends (normal exit, process.exit on stdin close,
 * SIGINT, SIGTERM: the entries turn signals into process.exit): its temporary index folder when
 * the cache was unwritable, and the generation a build on its worker had not finished. The entries
 * stop that worker first (LibraryHolder.stop); one that would not stop keeps its generation, which
 * the next start removes. Leftovers of servers that were killed are removed a second after start:
 * listing the temporary folder is off the path to the first answer (15–23 ms where it holds 10 000 entries).
 */
export function cleanUpAtExit(indexDir: string): { keepGeneration: () => void } {
  setTimeout(() => removeStaleFolders(), SWEEP_AFTER_MS).unref();
  let keepGeneration = false;
  process.once('exit', () => {
    try {
      removeOwnFolders();
      // A build worker that did not stop in time may still read it: the next start removes it.
      if (!keepGeneration) fs.rmSync(nextGenerationDir(indexDir), { recursive: true, force: true });
    } catch {
      // ending anyway: the next start removes what is left
    }
  });
  return { keepGeneration: () => (keepGeneration = true) };
}

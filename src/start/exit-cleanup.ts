import fs from 'node:fs';
import { nextGenerationDir } from '../store/generation.js';
import { removeOwnFolders, removeStaleFolders } from './temp-folders.js';

/**
 * What a server leaves behind is removed when it ends (normal exit, process.exit on stdin close,
 * SIGINT, SIGTERM: the entries turn signals into process.exit): its temporary index folder when
 * the cache was unwritable, and the generation a build on its worker had not finished. The entries
 * stop that worker first (LibraryHolder.stop); one that would not stop keeps its generation, which
 * the next start removes. Leftovers of servers that were killed are removed at start.
 */
export function cleanUpAtExit(indexDir: string): { keepGeneration: () => void } {
  removeStaleFolders();
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

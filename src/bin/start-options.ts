import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import { checkCorpusContent, markForRebuild } from '../start/corpus-check.js';
import type { LibraryHolder } from '../start/library-holder.js';

/**
 * The build worker's entry beside this file: dist/build-worker.mjs next to the bundles
 * (stdio-main.cjs, http.mjs), dist/bin/build-worker.js in the unbundled build.
 */
export function buildWorkerUrl(): URL {
  return new URL(import.meta.url.endsWith('.js') ? './build-worker.js' : './build-worker.mjs', import.meta.url);
}

const AFTER_READY_MS = 1_000;

/**
 * Once the library is ready and the handshake answered, every corpus file is hashed and compared
 * with the index (checkCorpusContent); `everyMs` repeats it (a long-running HTTP server). A
 * difference is said on stderr and the next start rebuilds; the running server keeps serving the
 * index it opened, so citations given out stay valid until then.
 */
export function afterStartChecks(holder: LibraryHolder, config: Config, logger: Logger, everyMs?: number): void {
  let running = false;
  const check = () => {
    const library = holder.readyLibrary();
    if (!library || running) return;
    running = true;
    checkCorpusContent(library, config.corpusDir)
      .then((found) => {
        if (found.differences.length === 0) return;
        const marked = markForRebuild(library, config.indexDir, found.differences);
        logger.warn(
          `the corpus in ${config.corpusDir} differs from its index (${found.differences.slice(0, 5).join(', ')}${found.differences.length > 5 ? ` …and ${found.differences.length - 5} more` : ''}): ` +
            `answers come from the index as built until ${marked ? 'the next start rebuilds it' : 'it is rebuilt'}`,
        );
      })
      .catch((error: unknown) => logger.warn(`the corpus check failed: ${(error as Error).message}`))
      .finally(() => {
        running = false;
      });
  };
  // A second after ready: the handshake and the search index's load come first.
  holder.whenReady(() => setTimeout(check, AFTER_READY_MS).unref());
  if (everyMs) setInterval(check, everyMs).unref();
}

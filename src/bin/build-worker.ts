import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { buildStore, storeForSize } from '../store/build-store.js';
import type { BuildMessage, BuildRequest } from '../start/build-messages.js';

// Builds an index on a worker thread, so that the server's own thread answers the handshake and
// every request meanwhile (start/start-library.ts). nodejieba and better-sqlite3 are
// per-thread addons: this thread's segmenter is its own. The index is written to disk (a new
// generation, or the temporary folder of an unwritable cache); the server opens it from there.
const post = (message: BuildMessage) => parentPort!.postMessage(message);
const { location, incremental } = workerData as BuildRequest;
const logger: Logger = {
  info: (message) => post({ type: 'log', level: 'info', message }),
  warn: (message) => post({ type: 'log', level: 'warn', message }),
  progress: (done, total, unit) => post({ type: 'progress', done, total, unit }),
};
try {
  const { dir } = buildStore(location.store ?? storeForSize(location.corpusDir), location, logger, incremental);
  post({ type: 'built', dir });
} catch (error) {
  post({ type: 'failed', message: (error as Error).message });
}

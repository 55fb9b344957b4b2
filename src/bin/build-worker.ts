import { parentPort, workerData } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { buildStore, storeForSize } from '../store/build-store.js';
import type { BuildMessage, BuildWorkerData } from '../start/build-messages.js';
import { onNativeCall } from '../text/tokenizer.js';

// Builds an index on a worker thread, so that the server's own thread answers the handshake and
// every request meanwhile (start/start-library.ts). nodejieba and better-sqlite3 are
// per-thread addons: this thread's segmenter is its own. The index is written to disk (a new
// generation, or the temporary folder of an unwritable cache); the server opens it from there.
const { location, incremental, stop } = workerData as BuildWorkerData;
// Asked to stop, the thread ends at its next call into jieba or next message, never inside a native
// call (start-library.ts): process.exit in a worker ends the thread.
const stopRequested = new Int32Array(stop);
const endIfAsked = () => {
  if (Atomics.load(stopRequested, 0) === 1) process.exit(0);
};
onNativeCall(endIfAsked);
const post = (message: BuildMessage) => {
  endIfAsked();
  parentPort!.postMessage(message);
};
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

import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { openSavedIndex, type IndexLocation } from '../open-library.js';
import { BUNDLED_INDEX_DIR, PACKAGE_ROOT } from '../paths.js';
import type { BuildMessage, BuildRequest, BuildWorkerData } from './build-messages.js';
import { LibraryHolder, type BuildProgress } from './library-holder.js';

/** The least time between two progress lines on stderr. */
const PROGRESS_EVERY_MS = 2_000;

/**
 * How long a shutdown waits for the build worker to stop: a worker inside native code (jieba
 * loading its dictionary, a SQLite write) stops when it comes back to JavaScript. Measured with six
 * servers closing at once on two cores: median 0.23 s, the slowest 3.4 s (a 3 s wait left a
 * generation behind in 4 of 24 closes).
 */
const STOP_WAIT_MS = 10_000;
/** How long a worker asked to stop may take to reach its next call into jieba before it is terminated. */
const ASK_WAIT_MS = 5_000;

/** A build that finds the corpus changed again as it ends is tried this many times, then fails. */
const MAX_BUILDS = 3;

export interface StartOptions {
  /** The build worker's entry (dist/build-worker.mjs beside the bundle, dist/bin/build-worker.js unbundled). */
  workerUrl: URL;
}

/**
 * The library of a corpus, without making the handshake wait: a saved index that is fresh opens
 * at once, as before (the fast path); otherwise the holder says "building" and the index is built
 * on a worker thread, then opened. A build that fails leaves the holder failed, with the reason
 * and the command that fixes it; the server keeps running and says so at every call.
 */
export function startLibrary(location: IndexLocation, logger: Logger, options: StartOptions): LibraryHolder {
  let saved;
  try {
    saved = openSavedIndex(location, logger);
  } catch (error) {
    const holder = LibraryHolder.building();
    failed(holder, location, logger, (error as Error).message);
    return holder;
  }
  if ('library' in saved) return LibraryHolder.ready(saved.library);
  const holder = LibraryHolder.building();
  logger.info(`building the index of ${location.corpusDir} (${saved.rebuild}); the server answers meanwhile`);
  buildInWorker(holder, { location: saved.location, incremental: saved.incremental }, logger, options, 1);
  return holder;
}

function buildInWorker(holder: LibraryHolder, request: BuildRequest, logger: Logger, options: StartOptions, attempt: number): void {
  let ended = false;
  let lastLine = 0;
  const end = (outcome: () => void) => {
    if (ended) return;
    ended = true;
    holder.buildStopper(undefined);
    outcome();
  };
  let worker: Worker;
  const workerData: BuildWorkerData = { ...request, stop: new SharedArrayBuffer(4) };
  try {
    // stdout: true keeps the worker's stdout off the process's, which belongs to the protocol.
    worker = new Worker(options.workerUrl, { workerData, stdout: true });
    worker.stdout.on('data', (chunk: Buffer) => logger.info(`build: ${chunk.toString().trimEnd()}`));
  } catch (error) {
    failed(holder, request.location, logger, `the build could not start (${(error as Error).message})`);
    return;
  }
  worker.on('message', (message: BuildMessage) => {
    if (message.type === 'log') logger[message.level](message.message);
    else if (message.type === 'progress') {
      holder.progress(message);
      if (Date.now() - lastLine >= PROGRESS_EVERY_MS || message.done === message.total) {
        lastLine = Date.now();
        logger.info(`building the index: ${progressLine(message)}`);
      }
    } else if (message.type === 'built') end(() => openBuilt(holder, request, message.dir, logger, options, attempt));
    else end(() => failed(holder, request.location, logger, message.message));
  });
  // An uncaught error or running out of memory ends the worker, not the server.
  worker.on('error', (error) => end(() => failed(holder, request.location, logger, error.message)));
  worker.on('exit', (code) => end(() => failed(holder, request.location, logger, `the build stopped (exit code ${code})`)));
  // A build must not keep a server alive that its client has left.
  worker.unref();
  holder.buildStopper(() => {
    ended = true;
    return stopWorker(worker, new Int32Array(workerData.stop));
  });
}

/**
 * True once the worker has stopped; false when it did not within STOP_WAIT_MS. It is asked first and
 * ends at its next call into jieba (build-worker.ts); only one that does not is terminated from
 * outside, which inside a native call may abort the process.
 */
async function stopWorker(worker: Worker, stopFlag: Int32Array): Promise<boolean> {
  const exited = new Promise<true>((resolve) => worker.once('exit', () => resolve(true)));
  Atomics.store(stopFlag, 0, 1);
  const timers: NodeJS.Timeout[] = [];
  const after = <T>(ms: number, value: () => T | Promise<T>) => new Promise<T>((resolve) => timers.push(setTimeout(() => resolve(value()), ms)));
  const terminated = () => worker.terminate().then(() => true, () => true);
  const result = await Promise.race([exited, after(ASK_WAIT_MS, terminated), after(STOP_WAIT_MS, () => false)]);
  for (const timer of timers) clearTimeout(timer);
  return result;
}

/** The index the worker wrote, opened on this thread; a corpus that changed again meanwhile is built again. */
function openBuilt(holder: LibraryHolder, request: BuildRequest, dir: string, logger: Logger, options: StartOptions, attempt: number): void {
  const location = { ...request.location, indexDir: dir };
  let saved;
  try {
    saved = openSavedIndex(location, logger);
  } catch (error) {
    failed(holder, request.location, logger, `the index built could not be opened (${(error as Error).message})`);
    return;
  }
  if ('library' in saved) {
    holder.resolve(saved.library);
    logger.info(`ready: ${saved.library.manifest.counts.reports} reports`);
    return;
  }
  if (attempt >= MAX_BUILDS) {
    failed(holder, request.location, logger, `the index was built ${attempt} times and is still stale (${saved.rebuild}): the corpus keeps changing`);
    return;
  }
  logger.info(`building the index again (${saved.rebuild})`);
  buildInWorker(holder, { location: saved.location, incremental: saved.incremental }, logger, options, attempt + 1);
}

function failed(holder: LibraryHolder, location: IndexLocation, logger: Logger, reason: string): void {
  const fix = `Fix the cause, then restart the server; to build the index by hand: ${rebuildCommand(location)}`;
  holder.fail(reason, fix);
  logger.warn(`building the index failed: ${reason}. ${fix}`);
}

/** The command that rebuilds this corpus's index in this cache (the bundled index has its npm script). */
export function rebuildCommand(location: IndexLocation): string {
  const cli = path.join(PACKAGE_ROOT, 'dist', 'bin', 'cli.js');
  if (location.indexDir === BUNDLED_INDEX_DIR) return `npm run index (in ${PACKAGE_ROOT})`;
  return `MINZHENG_CACHE_DIR=${path.dirname(location.indexDir)} node ${cli} index --corpus ${location.corpusDir}${location.store ? ` --store ${location.store}` : ''}`;
}

function progressLine(progress: BuildProgress): string {
  return `${progress.done} of ${progress.total} ${progress.unit} (${progress.total > 0 ? Math.floor((100 * progress.done) / progress.total) : 0}%)`;
}

import type { IndexLocation } from '../open-library.js';

/** What the main thread asks the build worker (src/bin/build-worker.ts) for. */
export interface BuildRequest {
  location: IndexLocation;
  incremental: boolean;
}

/** The worker's data: the request, and one shared flag the main thread sets to 1 to ask it to stop. */
export interface BuildWorkerData extends BuildRequest {
  stop: SharedArrayBuffer;
}

/** What the build worker says back: its log lines, its progress, and how it ended. */
export type BuildMessage =
  | { type: 'log'; level: 'info' | 'warn'; message: string }
  | { type: 'progress'; done: number; total: number; unit: string }
  | { type: 'built'; dir: string }
  | { type: 'failed'; message: string };

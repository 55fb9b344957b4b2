import { MinzhengError } from '../errors.js';
import type { ReportLibrary } from '../library.js';

/** How far a build has come: `done` of `total` `unit` (reports, or passages of a large report). */
export interface BuildProgress {
  done: number;
  total: number;
  unit: string;
}

/** The library being built after the handshake: tools answer "building, N%" meanwhile. */
export interface Building {
  state: 'building';
  progress: BuildProgress | undefined;
  startedAt: number;
}

/** A build that failed: tools say why and what fixes it; the server keeps running. */
export interface Failed {
  state: 'failed';
  reason: string;
  /** What to do about it, with the command for this corpus and cache. */
  fix: string;
}

export type LibraryState = ReportLibrary | Building | Failed;

/**
 * The one library a server serves, which may not exist yet: a first build of a large corpus runs
 * after the handshake (start-library.ts), so every tool, resource, prompt and completion asks the
 * holder at call time instead of capturing a library at registration.
 */
export class LibraryHolder {
  private state: LibraryState;
  private readonly waiting: ((library: ReportLibrary) => void)[] = [];
  private stopBuild: (() => Promise<boolean>) | undefined;

  private constructor(state: LibraryState) {
    this.state = state;
  }

  /** A library that is already open (the fast start, the CLI, tests). */
  static ready(library: ReportLibrary): LibraryHolder {
    return new LibraryHolder(library);
  }

  static building(): LibraryHolder {
    return new LibraryHolder({ state: 'building', progress: undefined, startedAt: Date.now() });
  }

  current(): LibraryState {
    return this.state;
  }

  /** The library, or the expected failure a tool turns into its isError answer. */
  library(): ReportLibrary {
    const state = this.state;
    if (!('state' in state)) return state;
    if (state.state === 'failed') {
      throw new MinzhengError('INDEX_FAILED', `索引建立失败 (building the index failed): ${state.reason}. ${state.fix}`);
    }
    throw new MinzhengError('INDEX_BUILDING', `索引正在建立 (building the index, ${describeProgress(state)}); try again in a few seconds`);
  }

  /** The library when it is ready, else undefined (for answers that may be empty meanwhile). */
  readyLibrary(): ReportLibrary | undefined {
    return 'state' in this.state ? undefined : this.state;
  }

  /** Runs `use` once the library is ready (at once when it is); never for a build that fails. */
  whenReady(use: (library: ReportLibrary) => void): void {
    const ready = this.readyLibrary();
    if (ready) use(ready);
    else this.waiting.push(use);
  }

  progress(progress: BuildProgress): void {
    if ('state' in this.state && this.state.state === 'building') this.state = { ...this.state, progress };
  }

  resolve(library: ReportLibrary): void {
    this.state = library;
    for (const use of this.waiting.splice(0)) use(library);
  }

  fail(reason: string, fix: string): void {
    this.state = { state: 'failed', reason, fix };
    this.waiting.length = 0;
  }

  /** What stops the build under way (start-library.ts sets it while its worker runs). */
  buildStopper(stop: (() => Promise<boolean>) | undefined): void {
    this.stopBuild = stop;
  }

  /**
   * Stops a build under way before the process ends: a worker still running when the exit
   * handler removes its unfinished generation would load a dictionary that is gone, and cppjieba
   * aborts the process on that. True when nothing runs any more (or nothing ran).
   */
  async stop(): Promise<boolean> {
    const stop = this.stopBuild;
    this.stopBuild = undefined;
    return stop ? stop() : true;
  }
}

/** "37%, 120 of 324 reports, 12 s so far": what a client is told while it waits. */
export function describeProgress(building: Building): string {
  const seconds = Math.round((Date.now() - building.startedAt) / 1000);
  const { progress } = building;
  if (!progress || progress.total === 0) return `0%, ${seconds} s so far`;
  return `${percent(progress)}%, ${progress.done} of ${progress.total} ${progress.unit}, ${seconds} s so far`;
}

export function percent({ done, total }: BuildProgress): number {
  return total > 0 ? Math.min(99, Math.floor((100 * done) / total)) : 0;
}

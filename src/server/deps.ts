import type { ReportLibrary } from '../library.js';
import type { Logger } from '../log.js';

/** What the tools are given: the library they read and where to log. */
export interface ServerDeps {
  library: ReportLibrary;
  logger: Logger;
}
